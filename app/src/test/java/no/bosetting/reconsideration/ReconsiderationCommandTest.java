package no.bosetting.reconsideration;

import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.shared.CommandFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** REQUESTED → MUNICIPALITY_INFORMED → GRANTED | REFUSED, registered by caseworkers, decided by the designated group. */
class ReconsiderationCommandTest {

    private static final Actor CASEWORKER = new Actor("s", "Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
    private static final Actor ADMIN = new Actor("a", "Administrator", Role.AGENCY_ADMIN, null, null);
    private static final Actor PLANNER = new Actor("p", "Planlegger", Role.AGENCY_PLANNER, null, null);

    @Test
    void theStepsFollowEachOther() {
        ReconsiderationStatus s = ReconsiderationCommand.REQUEST.target();
        assertThat(s).isEqualTo(ReconsiderationStatus.REQUESTED);
        assertThat(ReconsiderationCommand.INFORM_MUNICIPALITY.appliesTo(s)).isTrue();
        s = ReconsiderationCommand.INFORM_MUNICIPALITY.target();
        assertThat(ReconsiderationCommand.GRANT.appliesTo(s)).isTrue();
        assertThat(ReconsiderationCommand.REFUSE.appliesTo(s)).isTrue();
        assertThat(ReconsiderationCommand.GRANT.target()).isEqualTo(ReconsiderationStatus.GRANTED);
        assertThat(ReconsiderationCommand.REFUSE.target()).isEqualTo(ReconsiderationStatus.REFUSED);
        // Not decided before the municipality is informed; nothing after a decision.
        assertThat(ReconsiderationCommand.GRANT.appliesTo(ReconsiderationStatus.REQUESTED)).isFalse();
        for (ReconsiderationStatus decided : new ReconsiderationStatus[]{ReconsiderationStatus.GRANTED, ReconsiderationStatus.REFUSED}) {
            for (ReconsiderationCommand c : ReconsiderationCommand.values()) {
                assertThat(c.appliesTo(decided)).as(c + " from " + decided).isFalse();
            }
            assertThat(decided.isOpen()).isFalse();
        }
    }

    @Test
    void onlyTheDesignatedGroupDecides() {
        assertThat(ReconsiderationCommand.GRANT.roles()).containsExactly(Role.AGENCY_ADMIN);
        assertThat(ReconsiderationCommand.REFUSE.roles()).containsExactly(Role.AGENCY_ADMIN);
        assertThat(ReconsiderationCommand.REQUEST.roles()).containsExactlyInAnyOrder(Role.AGENCY_CASEWORKER, Role.AGENCY_ADMIN);
        assertThat(ReconsiderationCommand.INFORM_MUNICIPALITY.roles()).containsExactlyInAnyOrder(Role.AGENCY_CASEWORKER, Role.AGENCY_ADMIN);
        for (ReconsiderationCommand c : ReconsiderationCommand.values()) {
            assertThat(c.allowedFor(Role.MUNICIPALITY_OFFICER)).as(c.name()).isFalse();
            assertThat(c.allowedFor(Role.AGENCY_PLANNER)).as(c.name()).isFalse();
        }
        assertThat(Transition.valid(ReconsiderationCommand.class, CASEWORKER, ReconsiderationStatus.REQUESTED))
                .containsExactly(ReconsiderationCommand.INFORM_MUNICIPALITY);
        assertThat(Transition.valid(ReconsiderationCommand.class, CASEWORKER, ReconsiderationStatus.MUNICIPALITY_INFORMED)).isEmpty();
        assertThat(Transition.valid(ReconsiderationCommand.class, ADMIN, ReconsiderationStatus.MUNICIPALITY_INFORMED))
                .containsExactly(ReconsiderationCommand.GRANT, ReconsiderationCommand.REFUSE);
    }

    @Test
    void theGuardAnswersInOneOrderInTheReconsiderationsWords() {
        assertThat(ReconsiderationCommand.GRANT.check(ADMIN, Optional.empty(), 5).orElseThrow().messageKey())
                .isEqualTo("error.reconsideration.notFound");
        CommandFailure notDesignated = ReconsiderationCommand.GRANT.check(CASEWORKER, Optional.of(ReconsiderationStatus.REQUESTED), 5).orElseThrow();
        assertThat(notDesignated).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(notDesignated.messageKey()).isEqualTo("error.reconsideration.designatedGroup");
        assertThat(ReconsiderationCommand.INFORM_MUNICIPALITY.check(PLANNER, Optional.of(ReconsiderationStatus.REQUESTED), 5).orElseThrow()
                .messageKey()).isEqualTo("error.role.notAllowed");
        CommandFailure early = ReconsiderationCommand.REFUSE.check(ADMIN, Optional.of(ReconsiderationStatus.REQUESTED), 5).orElseThrow();
        assertThat(early).isInstanceOf(CommandFailure.WrongState.class);
        assertThat(early.messageKey()).isEqualTo("error.reconsideration.notInformed");
        assertThat(ReconsiderationCommand.INFORM_MUNICIPALITY.check(CASEWORKER, Optional.of(ReconsiderationStatus.MUNICIPALITY_INFORMED), 5)
                .orElseThrow().messageKey()).isEqualTo("error.reconsideration.alreadyInformed");
    }
}
