package casebook.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DevStackTest {

    @Test
    void springPropertiesPointAtTheRunningServers() {
        DevStack stack = DevStack.shared();

        Map<String, String> properties = stack.springProperties("cases_test");

        assertThat(properties).containsOnlyKeys("spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password", "spring.kafka.bootstrap-servers", "spring.elasticsearch.uris",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri");
        assertThat(properties.get("spring.datasource.url")).isEqualTo(stack.postgres().jdbcUrl("cases_test"));
        assertThat(properties.get("spring.kafka.bootstrap-servers")).isEqualTo(stack.kafka().bootstrapServers());
        assertThat(properties.get("spring.elasticsearch.uris")).isEqualTo(stack.elasticsearch().httpUrl());
        assertThat(properties.get("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo("http://127.0.0.1:" + stack.keycloak().baseUrl().split(":")[2] + "/realms/casebook");
        assertThat(stack.postgres().isRunning() && stack.kafka().isRunning() && stack.elasticsearch().isRunning()
                && stack.keycloak().isRunning()).isTrue();
    }

    @Test
    void sharedIsOneStackPerJvm() {
        assertThat(DevStack.shared()).isSameAs(DevStack.shared());
    }
}
