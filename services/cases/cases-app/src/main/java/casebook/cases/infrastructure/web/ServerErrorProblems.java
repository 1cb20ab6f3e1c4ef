package casebook.cases.infrastructure.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Requests Tomcat refuses before the application sees them (a request line or headers over Tomcat's limits, such as a
 * 300,000-character query parameter, or characters HTTP does not allow) are answered with a problem document too,
 * not Tomcat's HTML error page: {@code code} {@code unreadable-request}. Replaces the host's error report valve
 * (after Spring Boot's customizer, which adds one of its own).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ServerErrorProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            Pipeline pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                    pipeline.removeValve(valve);
                }
            }
        });
    }

    /** Tomcat's error report as RFC 7807 JSON, without server details. */
    public static class ProblemReportValve extends ErrorReportValve {
        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String code = status >= 500 ? "internal-error" : "unreadable-request";
            String body = "{\"type\":\"/problems/" + code + "\",\"title\":\""
                    + (known == null ? "Error" : known.getReasonPhrase()) + "\",\"status\":" + status
                    + ",\"detail\":\"" + (status >= 500 ? "the request failed" : "the request could not be read: too"
                    + " large or not well-formed HTTP") + "\",\"code\":\"" + code + "\"}";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is committed: nothing more to say
            }
        }
    }
}
