package no.bosetting.selfservice;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.support.Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Test helpers for refugee pages: a household living privately, and a real sign-in through the code flow. */
public final class RefugeeSupport {

    private RefugeeSupport() {
    }

    /** A one-person household living privately in a municipality, with the given DUF number and permit date. */
    public static long privateHousehold(PermitImport permits, String duf, LocalDate permitDate, String municipality) {
        ImportOutcome outcome = permits.importPermit(new PermitImportRequest("TEST-" + Fixtures.next(), PermitType.COLLECTIVE_PROTECTION,
                permitDate, LivingSituation.PRIVATE, null, municipality, List.of(new PermitImportRequest.PersonData(duf, null, null,
                        "Olena", "Testenko", LocalDate.of(1990, 5, 1), "F", "UKR", Relation.MAIN, null, null))),
                new Actor("saksbehandler-test", "Test Saksbehandler", Role.AGENCY_CASEWORKER, null, null));
        if (!outcome.ok()) {
            throw new IllegalStateException(outcome.problems().toString());
        }
        return outcome.caseId();
    }

    /** The code as the demo mailbox shows it. */
    public static String latestCode(JdbcClient jdbc, String duf) {
        return jdbc.sql("select demo_code from refugee_login_code where duf_number = :d and status = 'ACTIVE' order by id desc limit 1")
                .param("d", duf).query(String.class).single();
    }

    /** Signs in through the real two-step flow and returns the signed-in session. */
    public static MockHttpSession signIn(MockMvc mvc, JdbcClient jdbc, String duf) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/min-side/logg-inn").session(session).with(csrf()).param("dufNumber", duf));
        mvc.perform(post("/min-side/logg-inn/kode").session(session).with(csrf()).param("code", latestCode(jdbc, duf)));
        return session;
    }
}
