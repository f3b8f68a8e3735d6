package no.bosetting.access;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Production sign-in (Entra ID / ID-porten style OIDC): the identity provider proves who the person
 * is; role and scope still come from our own user table, matched on the preferred username or e-mail.
 */
public class OidcUserMapping extends OidcUserService {

    private final UserAccounts accounts;

    public OidcUserMapping(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getEmail();
        Actor actor = accounts.findActor(username)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("unknown_user",
                        "No Bosetting account for " + username, null)));
        return new ActorOidcUser(actor, user);
    }

    /** An OIDC user that also carries our actor. */
    public static class ActorOidcUser extends DefaultOidcUser {
        private final Actor actor;

        ActorOidcUser(Actor actor, OidcUser user) {
            super(List.of(new SimpleGrantedAuthority(actor.role().authority())), user.getIdToken(), user.getUserInfo());
            this.actor = actor;
        }

        public Actor actor() {
            return actor;
        }
    }
}
