package no.bosetting.access;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import no.bosetting.support.TestClock;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OidcUserMappingTest {

    private static final String KNOWN_PID = "01017012345";

    private final RefugeeIdentities refugees = nationalId -> KNOWN_PID.equals(nationalId)
            ? Optional.of(Actor.refugee("123456789012", "Olena Test")) : Optional.empty();

    private static OidcUser idPortenUser(String pid) {
        OidcIdToken token = new OidcIdToken("token", TestClock.instant(), TestClock.instant().plusSeconds(60),
                Map.of("sub", "subject-" + pid, "pid", pid));
        return new DefaultOidcUser(java.util.List.of(), token);
    }

    @Test
    void anIdPortenPidSignsInTheRefugeeRegisteredWithThatNumber() {
        OidcUserMapping.ActorOidcUser user = new OidcUserMapping(null, refugees).toActorUser(idPortenUser(KNOWN_PID));

        assertThat(user.actor().role()).isEqualTo(Role.REFUGEE);
        assertThat(user.actor().dufNumber()).contains("123456789012");
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_REFUGEE");
    }

    @Test
    void aPidWithoutASettlementCaseIsRefused() {
        assertThatThrownBy(() -> new OidcUserMapping(null, refugees).toActorUser(idPortenUser("02027012345")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("No settlement case");
    }
}
