package casebook.cases.infrastructure.console;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

import java.io.IOException;
import java.time.Duration;

/**
 * Serves the console (module {@code services/console}, on the classpath under {@code META-INF/resources/console/})
 * at {@code /console/}: its files as they are, and {@code index.html} for every other path under it, so a deep link
 * ({@code /console/cases/c-1}) opens the app, which routes in the browser. Built files under {@code assets/} carry a
 * content hash in their names and are cached for a year; {@code index.html} is revalidated on every load. Without a
 * console in the jar ({@code -Dconsole.skip}) {@code /console/} answers 404.
 */
@Controller
class ConsolePages implements WebMvcConfigurer {
    static final String LOCATION = "classpath:/META-INF/resources/console/";
    private static final String INDEX = "index.html";

    private final ConsoleSignIn signIn;

    ConsolePages(ConsoleSignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/console")
    String console() {
        return "redirect:/console/";
    }

    /** The app's start page (a resource handler serves no empty path, so this one is forwarded). */
    @GetMapping("/console/")
    String index() {
        return "forward:/console/" + INDEX;
    }

    @GetMapping(value = "/console/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<ConsoleSignIn.Config> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(signIn.config());
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/assets/**")
                .addResourceLocations(LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/console/**")
                .addResourceLocations(LOCATION)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new IndexFallback());
    }

    /** The file asked for when there is one; {@code index.html} for an app route (a path without a file extension). */
    static final class IndexFallback extends PathResourceResolver {
        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource asked = resourcePath.isEmpty() ? null : super.getResource(resourcePath, location);
            if (asked != null) {
                return asked;
            }
            if (isAppRoute(resourcePath)) {
                return super.getResource(INDEX, location);
            }
            return null;
        }

        /** A route of the app, not a missing file: {@code cases/c-1}, {@code search}, {@code ""}. */
        static boolean isAppRoute(String path) {
            String last = path.substring(path.lastIndexOf('/') + 1);
            return !path.startsWith("assets/") && !last.contains(".");
        }
    }
}
