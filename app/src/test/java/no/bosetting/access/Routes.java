package no.bosetting.access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application answers, read from Spring MVC's own handler mappings, so a new
 * controller method is part of every test built on this list the moment it exists.
 */
final class Routes {

    private Routes() {
    }

    /** One pattern and HTTP method; {@code consumes} is the request body type the handler expects, if it names one. */
    record Route(HttpMethod method, String pattern, MediaType consumes) {

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        boolean changesState() {
            return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
        }

        @Override
        public String toString() {
            return method + " " + pattern + (consumes == null ? "" : " (" + consumes + ")");
        }
    }

    /**
     * A request that reaches the handler with nothing it could act on: an empty JSON object, an empty
     * CSV or file, an empty form. Any role the route lets through therefore gets a validation answer,
     * never a change.
     */
    static AbstractMockHttpServletRequestBuilder<?> emptyRequest(Route route, String uri) {
        if (!route.changesState()) {
            return MockMvcRequestBuilders.request(route.method(), uri);
        }
        MediaType type = route.consumes() != null ? route.consumes() : route.isApi() ? MediaType.APPLICATION_JSON : null;
        if (type != null && MediaType.MULTIPART_FORM_DATA.includes(type)) {
            return MockMvcRequestBuilders.multipart(route.method(), uri).file(new MockMultipartFile("file", new byte[0]));
        }
        if (type == null || MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
            return MockMvcRequestBuilders.request(route.method(), uri).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        }
        String body = MediaType.APPLICATION_JSON.includes(type) ? "{}" : "";
        return MockMvcRequestBuilders.request(route.method(), uri).contentType(type).content(body);
    }

    static List<Route> all(ApplicationContext context) {
        Set<Route> routes = new LinkedHashSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
                for (String pattern : info.getPatternValues()) {
                    // A mapping without a method answers every method; GET stands for it.
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        if (consumes.isEmpty()) {
                            routes.add(new Route(m.asHttpMethod(), pattern, null));
                        } else {
                            consumes.forEach(c -> routes.add(new Route(m.asHttpMethod(), pattern, c)));
                        }
                    }
                }
            }
        }
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparing(Route::pattern).thenComparing(r -> r.method().name())
                .thenComparing(r -> String.valueOf(r.consumes())));
        return sorted;
    }
}
