package no.bosetting.access;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor behind the current request. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Optional.empty();
        }
        Object principal = auth.getPrincipal();
        if (principal instanceof BosettingUser user) {
            return Optional.of(user.actor());
        }
        if (principal instanceof OidcUserMapping.ActorOidcUser oidc) {
            return Optional.of(oidc.actor());
        }
        return Optional.empty();
    }

    public static Actor get() {
        return find().orElseThrow(() -> new IllegalStateException("No signed-in actor"));
    }
}
