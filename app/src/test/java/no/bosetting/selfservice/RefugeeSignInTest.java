package no.bosetting.selfservice;

import java.time.Instant;
import java.time.LocalDate;

import no.bosetting.cases.PermitImport;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Refugee sign-in with DUF number and one-time code, and what a signed-in refugee can reach. */
@IntegrationTest
class RefugeeSignInTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PermitImport permits;
    @Autowired
    RefugeeSignIn signIn;

    @AfterEach
    void resetClock() {
        ShiftableClock.reset();
    }

    @Test
    void anInvalidDufNumberGetsASpecificErrorNextToTheField() throws Exception {
        mvc.perform(post("/min-side/logg-inn").with(csrf()).param("dufNumber", "12345"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("DUF-nummeret må ha 12 sifre")))
                .andExpect(content().string(containsString("id=\"dufNumber-error\"")))
                .andExpect(content().string(containsString("aria-describedby=\"dufNumber-hint dufNumber-error\"")));
        mvc.perform(post("/min-side/logg-inn?lang=uk").with(csrf()).param("dufNumber", "12345abc"))
                .andExpect(content().string(containsString("Номер DUF може містити лише цифри")));
    }

    @Test
    void theRightCodeSignsInWithANewSessionAndShowsOnlyTheOwnCase() throws Exception {
        String duf = Fixtures.duf();
        long own = RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusDays(20), "0301");
        String otherDuf = Fixtures.duf();
        long other = RefugeeSupport.privateHousehold(permits, otherDuf, TestClock.today().minusDays(20), "0301");
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        mvc.perform(post("/min-side/logg-inn").session(session).with(csrf()).param("dufNumber", duf))
                .andExpect(redirectedUrl("/min-side/logg-inn/kode"));
        String code = RefugeeSupport.latestCode(jdbc, duf);
        assertThat(jdbc.sql("select code_hash from refugee_login_code where duf_number = :d order by id desc limit 1")
                .param("d", duf).query(String.class).single()).isNotEqualTo(code).hasSize(64);
        mvc.perform(post("/min-side/logg-inn/kode").session(session).with(csrf()).param("code", code))
                .andExpect(redirectedUrl("/min-side"));
        assertThat(session.getId()).isNotEqualTo(before);
        String ownRef = reference(own);
        mvc.perform(get("/min-side").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ownRef)))
                .andExpect(content().string(containsString("Olena Testenko")))
                .andExpect(content().string(not(containsString(reference(other)))));
        assertThat(jdbc.sql("select count(*) from person_access_log where username = :u and purpose = 'min side'")
                .param("u", "duf:" + duf).query(Long.class).single()).isPositive();
        // Staff pages and the API are closed to refugees.
        mvc.perform(get("/saker").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/saker/" + other).session(session)).andExpect(status().isForbidden());
        // The API reads no session at all (stateless), so the refugee's session is not even a sign-in there; a refugee
        // signed in to the API is refused by role (AuthorisationMatrixTest).
        mvc.perform(get("/api/v1/cases/" + other).session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/soknader").session(session)).andExpect(status().isForbidden());
        // The code is used up.
        MockHttpSession again = new MockHttpSession();
        again.setAttribute("selfservice.pendingDuf", duf);
        mvc.perform(post("/min-side/logg-inn/kode").session(again).with(csrf()).param("code", code))
                .andExpect(content().string(containsString("Du har ingen gyldig kode")));
    }

    @Test
    void aWrongCodeCountsAndFiveWrongAttemptsLockTheCode() throws Exception {
        String duf = Fixtures.duf();
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/min-side/logg-inn").session(session).with(csrf()).param("dufNumber", duf));
        String code = RefugeeSupport.latestCode(jdbc, duf);
        String wrong = code.equals("000000") ? "111111" : "000000";
        mvc.perform(post("/min-side/logg-inn/kode").session(session).with(csrf()).param("code", wrong))
                .andExpect(content().string(containsString("Feil kode. Du har 4 forsøk igjen.")));
        mvc.perform(post("/min-side/logg-inn/kode").session(session).with(csrf()).param("code", "12ab"))
                .andExpect(content().string(containsString("Koden må ha 6 sifre.")));
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/min-side/logg-inn/kode").session(session).with(csrf()).param("code", wrong));
        }
        mvc.perform(post("/min-side/logg-inn/kode").session(session).with(csrf()).param("code", wrong))
                .andExpect(content().string(containsString("For mange feil forsøk")));
        // Even the right code no longer works.
        mvc.perform(post("/min-side/logg-inn/kode").session(session).with(csrf()).param("code", code))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Du har ingen gyldig kode")));
        mvc.perform(get("/min-side").session(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        String duf = Fixtures.duf();
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/min-side/logg-inn").session(session).with(csrf()).param("dufNumber", duf));
        String code = RefugeeSupport.latestCode(jdbc, duf);
        ShiftableClock.set(TestClock.instant().plus(RefugeeSignIn.VALIDITY).plusSeconds(5));
        mvc.perform(post("/min-side/logg-inn/kode").session(session).with(csrf()).param("code", code))
                .andExpect(content().string(containsString("Koden er for gammel")));
    }

    @Test
    void aNewCodeInvalidatesTheOldAndCodesAreRateLimited() throws Exception {
        String duf = Fixtures.duf(); // no case: may still sign in
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/min-side/logg-inn").session(session).with(csrf()).param("dufNumber", duf));
        String first = RefugeeSupport.latestCode(jdbc, duf);
        mvc.perform(post("/min-side/logg-inn").session(session).with(csrf()).param("dufNumber", duf));
        String second = RefugeeSupport.latestCode(jdbc, duf);
        if (!first.equals(second)) {
            mvc.perform(post("/min-side/logg-inn/kode").session(session).with(csrf()).param("code", first))
                    .andExpect(content().string(containsString("Feil kode")));
        }
        assertThat(jdbc.sql("select count(*) from refugee_login_code where duf_number = :d and status = 'ACTIVE'")
                .param("d", duf).query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/min-side/logg-inn").session(session).with(csrf()).param("dufNumber", duf));
        mvc.perform(post("/min-side/logg-inn").session(session).with(csrf()).param("dufNumber", duf))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Du har bedt om for mange koder")));
        String third = RefugeeSupport.latestCode(jdbc, duf);
        mvc.perform(post("/min-side/logg-inn/kode").session(session).with(csrf()).param("code", third))
                .andExpect(redirectedUrl("/min-side"));
        mvc.perform(get("/min-side").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vi har ikke registrert noen bosettingssak")));
    }

    @Test
    void theDemoMailboxShowsCodesAndTheLoginPageListsExampleDufNumbersFromTheData() throws Exception {
        String duf = Fixtures.duf();
        RefugeeSupport.privateHousehold(permits, duf, TestClock.today().minusDays(3), "0301");
        mvc.perform(post("/min-side/logg-inn").with(csrf()).param("dufNumber", duf));
        mvc.perform(get("/demo-postkasse"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(RefugeeSupport.latestCode(jdbc, duf))));
        assertThat(signIn.exampleDufNumbers()).isNotEmpty().allMatch(d -> d.matches("\\d{12}"));
        mvc.perform(get("/min-side/logg-inn"))
                .andExpect(content().string(containsString(signIn.exampleDufNumbers().get(0))));
    }

    private String reference(long caseId) {
        return jdbc.sql("select reference from settlement_case where id = :id").param("id", caseId).query(String.class).single();
    }
}
