package no.bosetting.shared.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import no.bosetting.shared.outbox.Notifications;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/** Values every page's layout needs. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class GlobalModelAdvice {

    private final Notifications notifications;

    public GlobalModelAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The page's language as the layout names it (lang attribute, language link): worked out once here, not per use. */
    @ModelAttribute("pageLanguage")
    String pageLanguage(java.util.Locale locale) {
        return switch (locale.getLanguage()) {
            case "en" -> "en";
            case "uk" -> "uk";
            default -> "nb";
        };
    }

    @ModelAttribute("languageLinks")
    LanguageLinks languageLinks(HttpServletRequest request) {
        return LanguageLinks.of(request);
    }

    @ModelAttribute("unreadNotifications")
    LazyContextVariable<Long> unreadNotifications(Principal principal) {
        String username = principal == null ? null : principal.getName();
        return LazyModel.of(() -> username == null ? null : notifications.unread(username));
    }
}
