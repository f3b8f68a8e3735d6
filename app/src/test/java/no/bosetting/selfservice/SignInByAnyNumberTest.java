package no.bosetting.selfservice;

import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.IdentityKind;
import no.bosetting.cases.PersonCorrections;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.Identifiers;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refugee signs in with whichever number they know (issue 20 item 1): the DUF number, or a national identity
 * number or D-number they have now or had — both mod-11 checked; an unknown number gets no code and the same answer.
 */
@IntegrationTest
class SignInByAnyNumberTest {

    @Autowired
    RefugeeSignIn signIn;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseQueries cases;
    @Autowired
    PersonCorrections corrections;
    @Autowired
    JdbcClient jdbc;

    private static String number(String dayMonth) {
        while (true) {
            String n = Identifiers.withCheckDigits(dayMonth + "84" + String.format("%03d", Fixtures.next() % 500));
            if (n != null) {
                return n;
            }
        }
    }

    private long codes(String duf) {
        return jdbc.sql("select count(*) from refugee_login_code where duf_number = :d").param("d", duf).query(Long.class).single();
    }

    @Test
    void anOldDNumberAndTheNewNationalIdentityNumberBothSignInTheSamePerson() {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        long main = cases.personIds(caseId).get(0);
        String duf = jdbc.sql("select duf_number from person where id = :p").param("p", main).query(String.class).single().trim();
        String dNumber = number("4" + (1 + Fixtures.next() % 9) + "05");
        String nationalId = number("1" + (1 + Fixtures.next() % 9) + "05");
        corrections.registerIdentity(caseId, main, IdentityKind.D_NUMBER, dNumber, TestClock.today().minusDays(9), null,
                fixtures.caseworker()).value();
        corrections.registerIdentity(caseId, main, IdentityKind.NATIONAL_ID, nationalId, TestClock.today(), null,
                fixtures.caseworker()).value();

        assertThat(signIn.requestCode(dNumber).value()).isEqualTo(duf);
        assertThat(signIn.requestCode(nationalId.substring(0, 6) + " " + nationalId.substring(6)).value()).isEqualTo(duf);
        assertThat(codes(duf)).isEqualTo(2);

        String unknown = number("2" + (1 + Fixtures.next() % 8) + "06");
        assertThat(signIn.requestCode(unknown).isSuccess()).isTrue();
        assertThat(codes(unknown)).isZero();

        String wrong = nationalId.substring(0, 10) + (nationalId.charAt(10) == '9' ? '0' : (char) (nationalId.charAt(10) + 1));
        CommandResult<String> refused = signIn.requestCode(wrong);
        assertThat(refused.failure()).isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(refused.failure().messageKey()).isEqualTo("error.nin.checksum");
    }
}
