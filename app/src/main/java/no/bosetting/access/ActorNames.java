package no.bosetting.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who did something, in words: histories store the username ({@code kommune-4003}, {@code duf:202510230104}); pages show
 * the person's name as the account has it, "the refugee" for a refugee and the system's name for the system (issue 16
 * point 6). Templates: {@code ${@who.name(h.actor())}}.
 */
@Component("who")
public class ActorNames {

    private static final int MAX_REMEMBERED = 10_000;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Map<String, String> remembered = new ConcurrentHashMap<>();

    ActorNames(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        if (username.startsWith(Actor.REFUGEE_PREFIX)) {
            return messages.getMessage("actor.refugee", null, "", LocaleContextHolder.getLocale());
        }
        if (username.equals(Actor.system().username())) {
            return Actor.system().displayName();
        }
        String known = remembered.get(username);
        if (known != null) {
            return known;
        }
        String name = jdbc.sql("select display_name from app_user where username = :u").param("u", username)
                .query(String.class).optional().filter(n -> !n.isBlank()).orElse(username);
        if (remembered.size() < MAX_REMEMBERED) {
            remembered.put(username, name);
        }
        return name;
    }
}
