package no.bosetting.cases;

import java.util.EnumSet;

import no.bosetting.access.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The status machine: which command applies in which state, where it leads, and who may issue it. */
class CaseCommandTest {

    @Test
    void theHappyPathLeadsFromPermitToSettled() {
        CaseStatus s = CaseStatus.UNDER_MAPPING;
        for (CaseCommand c : new CaseCommand[]{CaseCommand.RECORD_INTERVIEW, CaseCommand.PROPOSE, CaseCommand.ACCEPT,
                CaseCommand.REGISTER_SETTLED}) {
            assertThat(c.appliesTo(s)).as(c + " from " + s).isTrue();
            s = c.target();
        }
        assertThat(s).isEqualTo(CaseStatus.SETTLED);
    }

    @Test
    void aRejectionOrWithdrawalReturnsTheHouseholdToReady() {
        assertThat(CaseCommand.REJECT.appliesTo(CaseStatus.PROPOSED)).isTrue();
        assertThat(CaseCommand.REJECT.target()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        assertThat(CaseCommand.WITHDRAW_PROPOSAL.target()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
    }

    @Test
    void nothingLeavesTheEndStates() {
        for (CaseStatus end : EnumSet.of(CaseStatus.SETTLED, CaseStatus.DECLINED, CaseStatus.CLOSED)) {
            for (CaseCommand c : CaseCommand.values()) {
                // Issue 20 item 4 (report 000 lines 3987–4025): a closed case may be reopened, and nothing else leads out.
                boolean leaves = c.appliesTo(end) && c.target() != null && c.target() != end;
                assertThat(leaves).as(c + " from " + end).isEqualTo(c == CaseCommand.REOPEN && end == CaseStatus.CLOSED);
            }
            // Only a settled household's facts are still corrected, its state unchanged (issue 20 item 1: identity number
            // and address for housing allowance, report 000 lines 3027–3035; a reunified member joins, report 003
            // lines 2292–2294); a declined or closed case takes nothing but the reopening.
            for (CaseCommand c : CaseCommand.values()) {
                if (c.appliesTo(end) && c != CaseCommand.REOPEN) {
                    assertThat(end).as(c + " from " + end).isEqualTo(CaseStatus.SETTLED);
                    assertThat(c.target()).as(c + " from " + end).isNull();
                }
            }
            assertThat(end.isOpen()).isFalse();
        }
    }

    @Test
    void aCaseCannotBeProposedBeforeMappingNorClosedAfterAnOffer() {
        assertThat(CaseCommand.PROPOSE.appliesTo(CaseStatus.UNDER_MAPPING)).isFalse();
        assertThat(CaseCommand.CLOSE.appliesTo(CaseStatus.OFFERED)).isFalse();
        assertThat(CaseCommand.DECLINE_OFFER.appliesTo(CaseStatus.PROPOSED)).isFalse();
    }

    @Test
    void rolesAreLimitedPerCommand() {
        assertThat(CaseCommand.ACCEPT.allowedFor(Role.MUNICIPALITY_OFFICER)).isTrue();
        assertThat(CaseCommand.ACCEPT.allowedFor(Role.RECEPTION_STAFF)).isFalse();
        assertThat(CaseCommand.REJECT.allowedFor(Role.AGENCY_CASEWORKER)).isFalse();
        assertThat(CaseCommand.PROPOSE.allowedFor(Role.MUNICIPALITY_OFFICER)).isFalse();
        assertThat(CaseCommand.RECORD_INTERVIEW.allowedFor(Role.RECEPTION_STAFF)).isTrue();
        assertThat(CaseCommand.CLOSE.allowedFor(Role.RECEPTION_STAFF)).isFalse();
        for (CaseCommand c : CaseCommand.values()) {
            assertThat(c.allowedFor(Role.STATISTICS_READER)).as(c.name()).isFalse();
        }
    }

    @Test
    void householdTypesAndTargets() {
        var adultF = new HouseholdType.Member(true, 'F');
        var adultM = new HouseholdType.Member(true, 'M');
        var child = new HouseholdType.Member(false, 'M');
        assertThat(HouseholdType.of(java.util.List.of(adultF))).isEqualTo(HouseholdType.SINGLE_WOMAN);
        assertThat(HouseholdType.of(java.util.List.of(adultM))).isEqualTo(HouseholdType.SINGLE_MAN);
        assertThat(HouseholdType.of(java.util.List.of(adultF, child))).isEqualTo(HouseholdType.SINGLE_ADULT_WITH_CHILDREN);
        assertThat(HouseholdType.of(java.util.List.of(adultF, adultM, child))).isEqualTo(HouseholdType.COUPLE_WITH_CHILDREN);
        assertThat(HouseholdType.of(java.util.List.of(child))).isEqualTo(HouseholdType.UNACCOMPANIED_MINOR);
        assertThat(HouseholdType.COUPLE_WITH_CHILDREN.targetMonths()).isEqualTo(3);
        assertThat(HouseholdType.UNACCOMPANIED_MINOR.targetMonths()).isEqualTo(3);
        assertThat(HouseholdType.SINGLE_MAN.targetMonths()).isEqualTo(6);
    }

    @Test
    void adultsWithChildrenAreAFamilyWhateverTheNumberOfAdults() {
        // settlement-process.md §1: "families with children settled within 3 months of the permit".
        var adultF = new HouseholdType.Member(true, 'F');
        var adultM = new HouseholdType.Member(true, 'M');
        var child = new HouseholdType.Member(false, 'F');
        HouseholdType threeAdultsAndAChild = HouseholdType.of(java.util.List.of(adultF, adultM, adultF, child));
        assertThat(threeAdultsAndAChild.withChildren()).isTrue();
        assertThat(threeAdultsAndAChild).isEqualTo(HouseholdType.COUPLE_WITH_CHILDREN);
        assertThat(threeAdultsAndAChild.targetMonths()).isEqualTo(3);
        assertThat(SettlementTarget.priority(threeAdultsAndAChild)).isTrue();
        // Three adults without children stay OTHER, with the six-month target.
        assertThat(HouseholdType.of(java.util.List.of(adultF, adultM, adultM))).isEqualTo(HouseholdType.OTHER);
        assertThat(HouseholdType.OTHER.targetMonths()).isEqualTo(6);
    }
}
