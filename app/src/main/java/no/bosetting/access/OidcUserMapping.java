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
 * A refugee signing in through ID-porten carries a {@code pid} claim (national identity number) and
 * becomes the refugee whose person record has that number.
 */
class OidcUserMapping extends OidcUserService {

    static final String ID_PORTEN_PID = "pid";

    private final UserAccounts accounts;
    private final RefugeeIdentities refugees;

    public OidcUserMapping(UserAccounts accounts, RefugeeIdentities refugees) {
        this.accounts = accounts;
        this.refugees = refugees;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return toActorUser(super.loadUser(request));
    }

    ActorOidcUser toActorUser(OidcUser user) {
        String pid = user.getClaimAsString(ID_PORTEN_PID);
        if (pid != null && refugees != null) {
            Actor refugee = refugees.refugeeForNationalId(pid)
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("unknown_refugee",
                            "No settlement case for this person", null)));
            return new ActorOidcUser(refugee, user);
        }
        String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getEmail();
        Actor actor = accounts.findEnabledActor(username)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("unknown_user",
                        "No enabled Bosetting account for " + username, null)));
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
