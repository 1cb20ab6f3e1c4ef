package casebook.e2e;

import casebook.client.ApiClient;
import casebook.client.ApiException;
import casebook.client.model.Problem;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.io.IOException;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a refused request answered: its status and its RFC 7807 problem details. */
public record Problems(int status, Problem problem, ApiException exception) {

    /** Runs a call that must be refused, and returns how it was refused. */
    public static Problems refused(ThrowingCallable call) {
        ApiException refused = catchThrowableOfType(ApiException.class, call);
        if (refused == null) throw new AssertionError("the request was expected to be refused but succeeded");
        return new Problems(refused.getCode(), parse(refused.getResponseBody()), refused);
    }

    private static Problem parse(String body) {
        if (body == null || body.isBlank()) return new Problem();
        try {
            return ApiClient.createDefaultObjectMapper().readValue(body, Problem.class);
        } catch (IOException e) {
            return new Problem().detail(body);
        }
    }
}
