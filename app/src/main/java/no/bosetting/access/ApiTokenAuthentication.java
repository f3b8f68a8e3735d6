package no.bosetting.access;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A bearer token for the JSON API (production): the identity provider says who the caller is, in the
 * first of the configured claims that is present (by default {@code preferred_username}, then
 * {@code email}); role and scope come from our user table, as for OIDC sign-in. A token for someone with
 * no enabled staff account is refused.
 */
class ApiTokenAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

    private final UserAccounts accounts;
    private final List<String> usernameClaims;

    ApiTokenAuthentication(UserAccounts accounts, List<String> usernameClaims) {
        this.accounts = accounts;
        this.usernameClaims = usernameClaims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = usernameClaims.stream().map(jwt::getClaimAsString)
                .filter(v -> v != null && !v.isBlank()).findFirst()
                .orElseThrow(() -> refused("The token names no user (" + String.join(", ", usernameClaims) + ")"));
        Actor actor = accounts.findEnabledActor(username).filter(a -> a.role().isStaff())
                .orElseThrow(() -> refused("No enabled Bosetting staff account for the token's user"));
        BosettingUser user = new BosettingUser(actor);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private static OAuth2AuthenticationException refused(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
