package no.bosetting.shared.api;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.bosetting.shared.web.WebConfig;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The language of API messages. The application's locale resolver remembers a choice in a cookie and
 * otherwise answers in bokmål, ignoring Accept-Language, which is right for the pages but not for API
 * clients: they state their language per request. For /api/** an Accept-Language header therefore
 * decides (bokmål or English; bokmål when neither is acceptable), unless {@code ?lang=} was given.
 */
@Configuration(proxyBeanMethods = false)
class ApiLocaleConfig implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(WebConfig.BOKMAL, Locale.ENGLISH);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AcceptLanguageInterceptor()).addPathPatterns("/api/**");
    }

    static Locale resolve(String acceptLanguage) {
        try {
            // "no" and "nn" readers are served bokmål: there is no nynorsk text yet.
            String normalised = acceptLanguage.replaceAll("(?i)(^|,)\\s*(no|nn)(?=[-;,]|$)", "$1nb");
            Locale best = Locale.lookup(Locale.LanguageRange.parse(normalised), SUPPORTED);
            return best == null ? WebConfig.BOKMAL : best;
        } catch (IllegalArgumentException e) {
            return WebConfig.BOKMAL;
        }
    }

    static final class AcceptLanguageInterceptor implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
            if (request.getParameter("lang") == null && header != null && !header.isBlank()) {
                // The dispatcher restores its own locale context after the request, so this stays per request.
                LocaleContextHolder.setLocale(resolve(header));
            }
            return true;
        }
    }
}
