package no.bosetting.grants;

import java.math.BigDecimal;
import java.time.LocalDate;

import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Grant rates as data (issue 17 item 1 and "Bad input"): each with a source and a valid period; overlapping periods of
 * the same kind, category and scheme year and a rate without source are refused at the field with nothing saved; a
 * correction is a new version with who, when and why, the old one kept. The AMOT/MAMOT rates of report 000 (lines
 * 2455–2457, 2591–2597) are shipped.
 */
@IntegrationTest
class GrantRatesTest {

    @Autowired
    GrantRates rates;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    /** A year far ahead that no other test uses. */
    private static LocalDate freeYear() {
        return LocalDate.of(2200 + (int) (Fixtures.next() % 7000), 1, 1);
    }

    private GrantRates.RateForm form(int n, int amount, LocalDate from, LocalDate to, String source, String reason) {
        return new GrantRates.RateForm(GrantKind.INTEGRATION, GrantCategory.CHILD, n, BigDecimal.valueOf(amount), from, to, source, false, reason);
    }

    private long count() {
        return jdbc.sql("select count(*) from grant_rate").query(Long.class).single();
    }

    @Test
    void theReportsAmotAndMamotRatesAreShipped() {
        RateBook book = rates.book();
        assertThat(book.rate(GrantKind.AMOT, null, null, LocalDate.of(2022, 6, 1)).orElseThrow().amount()).isEqualByComparingTo("16105");
        assertThat(book.rate(GrantKind.AMOT, null, null, LocalDate.of(2023, 6, 1)).orElseThrow().amount()).isEqualByComparingTo("16942");
        assertThat(book.rate(GrantKind.AMOT, null, null, LocalDate.of(2024, 6, 1)).orElseThrow().amount()).isEqualByComparingTo("17687");
        assertThat(book.rate(GrantKind.AMOT, null, null, LocalDate.of(2025, 1, 1)).orElseThrow().amount()).isEqualByComparingTo("18377");
        assertThat(book.rate(GrantKind.MAMOT, null, null, LocalDate.of(2023, 6, 1)).orElseThrow().amount()).isEqualByComparingTo("16942");
        assertThat(book.rate(GrantKind.MAMOT, null, null, LocalDate.of(2024, 3, 1))).as("after the MAMOT window").isEmpty();
        assertThat(book.rate(GrantKind.AMOT, null, null, LocalDate.of(2024, 6, 1)).orElseThrow().demo()).isFalse();
    }

    @Test
    void anOverlappingPeriodIsRefusedAtTheFieldAndNothingIsSaved() {
        LocalDate from = freeYear();
        rates.add(fixtures.planner(), form(2, 150_000, from, from.plusYears(1).minusDays(1), "Prop. 1 S", null)).value();
        long before = count();
        CommandResult<GrantRate> overlap = CommandResult.attempt(() ->
                rates.add(fixtures.planner(), form(2, 160_000, from.plusMonths(6), null, "Prop. 1 S", null)));
        assertThat(overlap.failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class, r -> {
            assertThat(r.field()).isEqualTo("validFrom");
            assertThat(r.messageKey()).isEqualTo("grants.error.overlap");
        });
        assertThat(count()).isEqualTo(before);
        // the next year, or another scheme year, is fine
        assertThat(rates.add(fixtures.planner(), form(2, 160_000, from.plusYears(1), null, "Prop. 1 S", null)).isSuccess()).isTrue();
        assertThat(rates.add(fixtures.planner(), form(3, 100_000, from, null, "Prop. 1 S", null)).isSuccess()).isTrue();
    }

    @Test
    void aRateWithoutSourceIsRefusedAndOnlyPlannersAndAdministratorsMaySave() {
        LocalDate from = freeYear();
        long before = count();
        assertThat(CommandResult.attempt(() -> rates.add(fixtures.planner(), form(4, 1, from, null, "  ", null))).failure())
                .isInstanceOfSatisfying(CommandFailure.RuleBroken.class, r -> assertThat(r.field()).isEqualTo("source"));
        assertThat(CommandResult.attempt(() -> rates.add(fixtures.caseworker(), form(4, 1, from, null, "Rundskriv", null))).failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(CommandResult.attempt(() -> rates.add(fixtures.planner(), form(4, 1, from, from.minusDays(1), "Rundskriv", null))).failure())
                .isInstanceOfSatisfying(CommandFailure.RuleBroken.class, r -> assertThat(r.field()).isEqualTo("validTo"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aCorrectionIsANewVersionWithWhoWhenAndWhyAndTheOldOneIsKept() {
        LocalDate from = freeYear();
        GrantRate first = rates.add(fixtures.planner(), form(1, 200_000, from, null, "Prop. 1 S", null)).value();
        assertThat(CommandResult.attempt(() -> rates.correct(fixtures.planner(), first.id(), form(1, 210_000, from, null, "Prop. 1 S", " ")))
                .failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class, r -> assertThat(r.field()).isEqualTo("reason"));
        GrantRate second = rates.correct(fixtures.planner(), first.id(),
                form(1, 210_000, from, null, "Prop. 1 S, rettet i Prop. 2 S", "Revidert budsjett")).value();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.seriesId()).isEqualTo(first.seriesId());
        assertThat(second.reason()).isEqualTo("Revidert budsjett");
        assertThat(second.recordedBy()).isEqualTo(fixtures.planner().username());
        assertThat(rates.versions(first.seriesId())).extracting(GrantRate::version).containsExactly(2, 1);
        assertThat(rates.find(first.id()).orElseThrow().replacedAt()).isNotNull();
        assertThat(rates.find(first.id()).orElseThrow().amount()).isEqualByComparingTo("200000");
        // the book uses the new version; correcting the replaced one again is refused
        assertThat(rates.book().rate(GrantKind.INTEGRATION, GrantCategory.CHILD, 1, from).orElseThrow().amount()).isEqualByComparingTo("210000");
        assertThat(CommandResult.attempt(() -> rates.correct(fixtures.planner(), first.id(), form(1, 1, from, null, "x", "y"))).failure())
                .isInstanceOf(CommandFailure.NotFound.class);
    }

    @Test
    void theRatesPageShowsTheErrorNextToTheFieldKeepingWhatWasTypedAndOnlyPlannersMayPost() throws Exception {
        LocalDate from = freeYear();
        mvc.perform(post("/tilskudd/satser").with(csrf()).with(as(fixtures.planner())).param("kind", "INTEGRATION").param("category", "CHILD")
                        .param("schemeYear", "5").param("amount", "12345").param("validFrom", from.toString()).param("source", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"source-error\"")))
                .andExpect(content().string(containsString("Oppgi kilden til satsen")))
                .andExpect(content().string(containsString("value=\"12345\"")));
        mvc.perform(post("/tilskudd/satser").with(csrf()).with(as(fixtures.caseworker())).param("kind", "INTEGRATION")
                        .param("category", "CHILD").param("schemeYear", "5").param("amount", "1").param("validFrom", from.toString())
                        .param("source", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/tilskudd/satser").with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("18\u00a0377")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/tilskudd/satser").with(as(fixtures.municipality("0301")))).andExpect(status().isForbidden());
    }
}
