package casebook.cases.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * No request body larger than {@code casebook.request-body.max-size} is read into memory: a declared
 * {@code Content-Length} above it is refused at once, and a body without one (chunked) is cut off as soon as it passes
 * the limit. Either way the answer is 413 problem {@code body-too-large} and nothing happens. Runs before
 * authentication and everything else that could read the body (docs/security.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimit extends OncePerRequestFilter {
    static final String CODE = "body-too-large";

    private final long maxBytes;
    private final Problems problems;

    RequestBodyLimit(Settings settings, Problems problems) {
        this.maxBytes = settings.maxSize().toBytes();
        this.problems = problems;
    }

    /** @param maxSize the largest body accepted (the largest valid request of the API is about 0.6 MB) */
    @Validated
    @ConfigurationProperties("casebook.request-body")
    public record Settings(@DefaultValue("1MB") DataSize maxSize) {
    }

    /** The body passed the limit while it was read. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge(long maxBytes) {
            super("the request body is larger than " + maxBytes + " bytes");
        }
    }

    /** Whether {@code failure} (or what caused it) is a body cut off at the limit. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge) return true;
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(new Limited(request, maxBytes), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!isCause(e) || response.isCommitted()) throw e;
            response.resetBuffer();
            refuse(response);
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, CODE,
                "the request body is larger than " + maxBytes + " bytes");
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream body;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) body = new Counted(super.getInputStream(), maxBytes);
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        Counted(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > maxBytes) throw new BodyTooLarge(maxBytes);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
