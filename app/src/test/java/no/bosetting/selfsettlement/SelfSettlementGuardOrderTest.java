package no.bosetting.selfsettlement;

import no.bosetting.access.Actor;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command on a request is guarded in one order: a request outside the actor's scope reads as not found (whatever
 * the role or state), then a role that may not issue the command is not allowed (whatever the state), then a state the
 * command does not apply to is the wrong state (before any of the command's own rules). A refused command writes nothing.
 */
@IntegrationTest
class SelfSettlementGuardOrderTest extends SelfSettlementTestSupport {

    private static final String STRANDA = "1525";
    private static final String SYKKYLVEN = "1528";

    @Test
    void outOfScopeIsNotFoundWhateverTheRoleOrState() {
        acceptingMunicipality(STRANDA, 20, 50);
        long requested = registrations.register(refugeeOf(household(STRANDA, 0)), null, dwelling(STRANDA)).value();
        Actor otherMunicipality = fixtures.municipality(SYKKYLVEN);
        Actor otherRefugee = refugeeOf(household(SYKKYLVEN, 0));
        long history = historyLines(requested);

        // Right role, right state, but another municipality's request.
        assertNotFound(checks.startCheck(otherMunicipality, requested));
        assertNotFound(checks.saveChecklist(otherMunicipality, requested, COMPLETE));
        assertNotFound(checks.forward(otherMunicipality, requested, COMPLETE));
        assertNotFound(checks.refuseByMunicipality(otherMunicipality, requested, RefusalReason.OTHER, "x"));
        assertNotFound(registrations.dwellingLost(otherMunicipality, requested, null));
        // Wrong role and wrong state too: scope is still asked first.
        assertNotFound(approvals.approve(otherMunicipality, requested, null, null));
        // Another household's refugee.
        assertNotFound(registrations.withdraw(otherRefugee, requested));
        assertNotFound(approvals.refuseByAgency(otherRefugee, requested, RefusalReason.OTHER, "x"));
        // An id nobody has, for the agency that sees every request.
        assertNotFound(approvals.approve(fixtures.caseworker(), Long.MAX_VALUE, null, null));
        assertNotFound(registrations.dwellingLost(fixtures.caseworker(), Long.MAX_VALUE, null));

        assertThat(requests.find(fixtures.caseworker(), requested).orElseThrow().status()).isEqualTo(RequestStatus.REQUESTED);
        assertThat(historyLines(requested)).isEqualTo(history);
    }

    @Test
    void aWrongRoleIsNotAllowedWhateverTheState() {
        acceptingMunicipality(STRANDA, 20, 50);
        long caseId = household(STRANDA, 0);
        Actor refugee = refugeeOf(caseId);
        Actor officer = fixtures.municipality(STRANDA);
        long requested = registrations.register(refugee, null, dwelling(STRANDA)).value();
        long history = historyLines(requested);

        // In scope and in a state the command does not apply to either: the role is answered first.
        assertNotAllowed(approvals.approve(officer, requested, null, null));
        assertNotAllowed(approvals.refuseByAgency(officer, requested, RefusalReason.OTHER, "x"));
        assertNotAllowed(approvals.approve(fixtures.planner(), requested, null, null));
        // In scope and in the right state, but the wrong party.
        assertNotAllowed(checks.forward(refugee, requested, COMPLETE));
        assertNotAllowed(checks.startCheck(fixtures.caseworker(), requested));
        assertNotAllowed(checks.refuseByMunicipality(fixtures.caseworker(), requested, RefusalReason.OTHER, "x"));
        assertNotAllowed(registrations.withdraw(officer, requested));
        assertNotAllowed(registrations.dwellingLost(fixtures.planner(), requested, null));

        assertThat(historyLines(requested)).isEqualTo(history);
    }

    @Test
    void aWrongStateIsAnsweredBeforeTheCommandsOwnRules() {
        acceptingMunicipality(STRANDA, 20, 50);
        long caseId = household(STRANDA, 0);
        Actor refugee = refugeeOf(caseId);
        Actor officer = fixtures.municipality(STRANDA);
        long forwarded = forwarded(caseId, STRANDA);
        long history = historyLines(forwarded);

        assertWrongState(checks.startCheck(officer, forwarded));
        assertWrongState(checks.forward(officer, forwarded, COMPLETE));
        // No reason would break the refusal's own rule, but the state is asked first.
        assertWrongState(checks.refuseByMunicipality(officer, forwarded, null, null));
        // A checklist with an inspection date in the future would break the checklist's rule.
        assertWrongState(checks.saveChecklist(officer, forwarded, new RequestChecklist(true, true, true, true,
                no.bosetting.support.TestClock.today().plusDays(3), InspectionResult.APPROVED)));
        assertThat(historyLines(forwarded)).isEqualTo(history);

        approvals.refuseByAgency(fixtures.caseworker(), forwarded, RefusalReason.CONCENTRATION, null).value();
        long refused = historyLines(forwarded);
        assertWrongState(registrations.withdraw(refugee, forwarded));
        assertWrongState(registrations.dwellingLost(officer, forwarded, null));
        assertWrongState(approvals.refuseByAgency(fixtures.caseworker(), forwarded, null, null));
        assertWrongState(approvals.approve(fixtures.caseworker(), forwarded, "0301", null));
        assertThat(historyLines(forwarded)).isEqualTo(refused);
    }

    private long historyLines(long requestId) {
        return jdbc.sql("select count(*) from self_settlement_request_history where request_id = :id").param("id", requestId)
                .query(Long.class).single();
    }

    private static void assertNotFound(CommandResult<?> result) {
        assertThat(result.failure()).isInstanceOf(CommandFailure.NotFound.class);
    }

    private static void assertNotAllowed(CommandResult<?> result) {
        assertThat(result.failure()).isInstanceOf(CommandFailure.NotAllowed.class);
    }

    private static void assertWrongState(CommandResult<?> result) {
        assertThat(result.failure()).isInstanceOf(CommandFailure.WrongState.class);
    }
}
