package no.bosetting.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.proposals.Proposals;
import no.bosetting.selfsettlement.SelfSettlementWindows;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A household in an open self-settlement opt-in window is held out of manual lists too, not only engine rounds. */
@IntegrationTest
class HeldHouseholdsTest {

    static final String MUNICIPALITY = "1520"; // Ørsta

    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    SelfSettlementWindows windows;
    @Autowired
    CaseQueries cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    Actor refugeeOf(long caseId) {
        String duf = jdbc.sql("select duf_number from person where case_id = :c and relation = 'MAIN'").param("c", caseId)
                .query(String.class).single();
        return Actor.refugee(duf, "Testa Testesen");
    }

    @Test
    void aHouseholdThatOptedInCannotBeProposedManuallyUntilItWithdraws() throws Exception {
        long centre = fixtures.centre(MUNICIPALITY);
        long held = fixtures.household(centre, 0, TestClock.today().minusDays(2));
        long free = fixtures.household(centre, 0, TestClock.today().minusDays(2));
        fixtures.ready(held);
        fixtures.ready(free);
        Actor refugee = refugeeOf(held);
        windows.optIn(refugee).value();

        CommandResult<Long> refused = CommandResult.attempt(() ->
                proposals.sendList(fixtures.caseworker(), MUNICIPALITY, List.of(free, held), null));
        assertThat(refused.failure()).isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(refused.failure().messageKey()).isEqualTo("error.proposal.held");
        // Nothing of the refused list remains: neither household was proposed.
        assertThat(cases.summaryForSystem(held).orElseThrow().status()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        assertThat(cases.summaryForSystem(free).orElseThrow().status()).isEqualTo(CaseStatus.READY_FOR_ALLOCATION);
        assertThat(proposals.forCase(free)).isEmpty();

        // Through the form the caseworker sees the reason in Norwegian next to the list.
        String reference = cases.summaryForSystem(held).orElseThrow().reference();
        mvc.perform(post("/fordeling").with(csrf()).with(as(fixtures.caseworker()))
                        .param("municipality", MUNICIPALITY).param("caseId", String.valueOf(held)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errors", Map.of("caseIds", reference
                        + " kan ikke foreslås nå: Finner bolig selv (avtalt selvbosetting) – kan ikke foreslås før perioden er over.")));

        // Once the refugee withdraws from the window, the household is an ordinary ready household again.
        windows.withdraw(refugee).value();
        assertThat(CommandResult.attempt(() -> proposals.sendList(fixtures.caseworker(), MUNICIPALITY, List.of(held), null))
                .isSuccess()).isTrue();
    }

    @Test
    void theComposePageShowsAHeldHouseholdDisabledWithTheReason() throws Exception {
        // Permitted long ago so it is on the first page of the oldest-first list; its window is still open.
        long held = fixtures.household(fixtures.centre(MUNICIPALITY), 0, TestClock.today().minusYears(20));
        fixtures.ready(held);
        jdbc.sql("""
                insert into self_settlement_window (case_id, opened_on, lease_deadline, created_at, created_by)
                values (:c, :today, :deadline, now(), 'test')
                """).param("c", held).param("today", TestClock.today()).param("deadline", TestClock.today().plusDays(20)).update();

        assertThat(proposals.heldReasons(List.of(held))).containsEntry(held, "selfsettlement.hold.optInWindow");
        String page = mvc.perform(get("/fordeling").with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(model().attribute("held", hasKey(held)))
                .andExpect(content().string(containsString("Holdt utenfor fordeling")))
                .andExpect(content().string(containsString("Finner bolig selv (avtalt selvbosetting)")))
                .andReturn().getResponse().getContentAsString();
        int box = page.indexOf("id=\"case-" + held + "\"");
        assertThat(box).isPositive();
        String input = page.substring(page.lastIndexOf("<input", box), page.indexOf('>', box));
        assertThat(input).contains("disabled");

        // The reason in English for an English reader.
        mvc.perform(get("/fordeling").param("lang", "en").with(as(fixtures.caseworker())))
                .andExpect(content().string(containsString("Held out of allocation")))
                .andExpect(content().string(not(containsString("Holdt utenfor fordeling"))));
    }
}
