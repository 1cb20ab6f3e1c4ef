package casebook.cases.infrastructure.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bearer token is read from the Authorization header exactly as Spring's default resolver reads it. */
class BearerTokenHeaderTest {
    final BearerTokenHeader ours = new BearerTokenHeader();
    final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl", "bearer abc", "BEARER a-b_c~d+e/f.g==",
            "Bearer x", "Bearer abc="})
    void aWellFormedBearerCredentialGivesItsToken(String header) {
        assertThat(ours.resolve(request(header))).isEqualTo(spring.resolve(request(header)))
                .isEqualTo(header.substring("Bearer ".length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer  abc", "Bearer abc def", "Bearer a=b", "Bearer =",
            "Bearer abc\n", "Bearer ab%cd", "Bearerabc", "Bearer\tabc", "Bearer äbc"})
    void aMalformedBearerCredentialIsRefusedLikeSpringRefusesIt(String header) {
        assertThatThrownBy(() -> spring.resolve(request(header))).isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> ours.resolve(request(header))).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessage("Bearer token is malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic YW5hOmFuYQ==", "Token abc", ""})
    void anotherSchemeIsNoBearerTokenAtAll(String header) {
        assertThat(spring.resolve(request(header))).isNull();
        assertThat(ours.resolve(request(header))).isNull();
    }

    @Test
    void aTokenInTheQueryIsIgnored() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/cases");
        request.setParameter("access_token", "abc");

        assertThat(ours.resolve(request)).isNull();
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/cases");
        request.addHeader("Authorization", authorization);
        return request;
    }
}
