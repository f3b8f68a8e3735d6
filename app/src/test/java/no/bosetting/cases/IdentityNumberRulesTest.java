package no.bosetting.cases;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.shared.Identifiers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pure rules of household and person changes (issue 20 item 1): the identity numbers' mod-11 check with both
 * control digits (a D-number has the first digit raised by 4), and the household facts recomputed from the members.
 */
class IdentityNumberRulesTest {

    /** A valid national identity number (born 01.03.1985) and the D-number with the same digits, day raised by 40. */
    static final String NIN = valid("010385", 0);
    static final String DNR = valid("410385", 0);

    /** A valid 11-digit number from a birth-date part, the n-th individual number (from 100) that has control digits. */
    static String valid(String dateDigits, int n) {
        int found = 0;
        for (int individual = 100; individual < 500; individual++) {
            String number = Identifiers.withCheckDigits(dateDigits + individual);
            if (number != null && found++ == n) {
                return number;
            }
        }
        throw new IllegalStateException();
    }

    @Test
    void bothControlDigitsAreChecked() {
        assertThat(NIN).isNotNull();
        assertThat(IdentityKind.NATIONAL_ID.error(NIN)).isEmpty();
        String firstWrong = NIN.substring(0, 9) + (NIN.charAt(9) == '9' ? '0' : (char) (NIN.charAt(9) + 1)) + NIN.charAt(10);
        String secondWrong = NIN.substring(0, 10) + (NIN.charAt(10) == '9' ? '0' : (char) (NIN.charAt(10) + 1));
        assertThat(IdentityKind.NATIONAL_ID.error(firstWrong)).contains("error.nin.checksum");
        assertThat(IdentityKind.NATIONAL_ID.error(secondWrong)).contains("error.nin.checksum");
    }

    @Test
    void aDNumberHasItsFirstDigitRaisedByFourAndIsNotANationalIdentityNumber() {
        assertThat(DNR).isNotNull().startsWith("4");
        assertThat(IdentityKind.D_NUMBER.error(DNR)).isEmpty();
        assertThat(Identifiers.birthDate(DNR)).contains(LocalDate.of(1985, 3, 1));
        assertThat(IdentityKind.NATIONAL_ID.error(DNR)).contains("error.nin.isDNumber");
        assertThat(IdentityKind.D_NUMBER.error(NIN)).contains("error.dnumber.notDNumber");
    }

    @Test
    void lengthDigitsAndDufNumbers() {
        assertThat(IdentityKind.NATIONAL_ID.error("1234567890")).contains("error.nin.length");
        assertThat(IdentityKind.NATIONAL_ID.error("0103851234x")).contains("error.nin.digits");
        assertThat(IdentityKind.DUF.error("202212345678")).isEmpty();
        assertThat(IdentityKind.DUF.error("20221234567")).contains("error.duf.length");
        assertThat(IdentityKind.normalise(" 010385 12345 ")).isEqualTo("01038512345");
    }

    @Test
    void householdFactsFollowTheMembers() {
        HouseholdType.Member mother = new HouseholdType.Member(true, 'F');
        HouseholdType.Member child = new HouseholdType.Member(false, 'M');
        // A newborn turns a single woman into a single adult with children, and so to the 3-month target.
        HouseholdFacts.Facts single = HouseholdFacts.derive(List.of(mother), null);
        HouseholdFacts.Facts withBaby = HouseholdFacts.derive(List.of(mother, child), null);
        assertThat(single.type()).isEqualTo(HouseholdType.SINGLE_WOMAN);
        assertThat(withBaby.type()).isEqualTo(HouseholdType.SINGLE_ADULT_WITH_CHILDREN);
        assertThat(withBaby.children()).isEqualTo(1);
        assertThat(SettlementTarget.months(single.type())).isEqualTo(6);
        assertThat(SettlementTarget.months(withBaby.type())).isEqualTo(3);
        // Only children: an unaccompanied minor whatever the flag; a flag needs a child; no flag without one.
        assertThat(HouseholdFacts.derive(List.of(child), false).unaccompaniedMinor()).isTrue();
        assertThat(HouseholdFacts.derive(List.of(mother, child), true).type()).isEqualTo(HouseholdType.UNACCOMPANIED_MINOR);
        assertThat(HouseholdFacts.derive(List.of(mother), true).unaccompaniedMinor()).isFalse();
    }

    @Test
    void householdChangesLeaveTheStateAsItIsAndFactsStayCorrectableAfterSettlement() {
        for (CaseCommand c : List.of(CaseCommand.ADD_MEMBER, CaseCommand.REMOVE_MEMBER, CaseCommand.SPLIT_HOUSEHOLD,
                CaseCommand.CORRECT_PERSON, CaseCommand.CHANGE_IDENTITY_NUMBER, CaseCommand.CHANGE_ADDRESS)) {
            assertThat(c.target()).as(c.name()).isNull();
            assertThat(c.appliesTo(CaseStatus.CLOSED)).as(c.name()).isFalse();
            assertThat(c.appliesTo(CaseStatus.DECLINED)).as(c.name()).isFalse();
            assertThat(c.allowedFor(no.bosetting.access.Role.AGENCY_CASEWORKER)).isTrue();
            assertThat(c.allowedFor(no.bosetting.access.Role.MUNICIPALITY_OFFICER)).isFalse();
        }
        // After settlement the municipality needs the identity number and address (report 000 lines 3027–3035) and a
        // reunified member joins the household (report 003 lines 2292–2294); leaving it is a secondary move instead.
        for (CaseCommand c : List.of(CaseCommand.ADD_MEMBER, CaseCommand.CORRECT_PERSON, CaseCommand.CHANGE_IDENTITY_NUMBER,
                CaseCommand.CHANGE_ADDRESS)) {
            assertThat(c.appliesTo(CaseStatus.SETTLED)).as(c.name()).isTrue();
        }
        assertThat(CaseCommand.REMOVE_MEMBER.appliesTo(CaseStatus.SETTLED)).isFalse();
        assertThat(CaseCommand.SPLIT_HOUSEHOLD.appliesTo(CaseStatus.SETTLED)).isFalse();
        assertThat(CaseCommand.SPLIT_HOUSEHOLD.appliesTo(CaseStatus.PROPOSED)).isFalse();
        assertThat(CaseCommand.ADD_MEMBER.appliesTo(CaseStatus.OFFERED)).isTrue();
    }
}
