package casebook.cases.infrastructure.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies over the limit are refused with 413 before they are read into memory, whether their size is declared or not. */
class RequestBodyLimitTest {
    static final int LIMIT = 1024;

    final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    final RequestBodyLimit limit = new RequestBodyLimit(new RequestBodyLimit.Settings(DataSize.ofBytes(LIMIT)),
            new Problems(json));
    final AtomicLong bytesRead = new AtomicLong(-1);

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() throws Exception {
        MockHttpServletResponse response = send(request(LIMIT + 1, true));

        assertRefused(response);
        assertThat(bytesRead).as("the application never ran").hasValue(-1);
    }

    @Test
    void aChunkedBodyIsCutOffWhereItPassesTheLimit() throws Exception {
        MockHttpServletResponse response = send(request(50 * LIMIT, false));

        assertRefused(response);
        assertThat(bytesRead.get()).isBetween(0L, (long) LIMIT);
    }

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws Exception {
        MockHttpServletResponse declared = send(request(LIMIT, true));
        assertThat(declared.getStatus()).isEqualTo(200);
        assertThat(bytesRead).hasValue(LIMIT);

        MockHttpServletResponse chunked = send(request(LIMIT, false));
        assertThat(chunked.getStatus()).isEqualTo(200);
        assertThat(bytesRead).hasValue(LIMIT);
    }

    private void assertRefused(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.path("code").asText()).isEqualTo("body-too-large");
        assertThat(problem.path("type").asText()).isEqualTo("/problems/body-too-large");
    }

    /** Reads the body the way a message converter does, in buffers, and records how much it got before it stopped. */
    private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, (req, res) -> {
            bytesRead.set(0);
            InputStream in = req.getInputStream();
            byte[] buffer = new byte[256];
            for (int n; (n = in.read(buffer)) > 0; ) bytesRead.addAndGet(n);
        });
        return response;
    }

    private static MockHttpServletRequest request(int size, boolean declared) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases/x/decision") {
            @Override
            public long getContentLengthLong() {
                return declared ? super.getContentLengthLong() : -1;
            }

            @Override
            public int getContentLength() {
                return declared ? super.getContentLength() : -1;
            }
        };
        request.setContentType("application/json");
        request.setContent("x".repeat(size).getBytes());
        return request;
    }
}
