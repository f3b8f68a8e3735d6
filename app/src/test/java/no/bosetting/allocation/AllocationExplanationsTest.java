package no.bosetting.allocation;

import java.util.List;
import java.util.Locale;

import no.bosetting.allocation.engine.BindingConstraint;
import no.bosetting.allocation.engine.Explanation;
import no.bosetting.allocation.engine.RunnerUp;
import no.bosetting.allocation.engine.ScoreTerm;
import no.bosetting.shared.StoredExplanations.Worded;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AllocationExplanationsTest {

    static final Locale NB = Locale.forLanguageTag("nb");

    /** Words of the engine's English sentences and term codes; none may reach a bokmål page. */
    static final List<String> ENGLISH = List.of("capacity", "binding", "score", "dual", "places", "pinned", "lower",
            "higher", "runner", "waiting", "labour", "worth", "group", "close family", "dwelling", "weight", "net ");

    @Autowired
    AllocationExplanations explanations;
    @Autowired
    AllocationPolicies policies;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    static StoredExplanation known() {
        return new StoredExplanation(StoredExplanation.FORMAT, "standard", 3, "4601", 12.5,
                List.of(new StoredExplanation.Term("waiting", 2.0, 1.6, 3.2),
                        new StoredExplanation.Term("labourMarket", 1.5, 0.5, 0.75),
                        new StoredExplanation.Term("balance", 1.0, 0.001, 0.001)),
                List.of(new StoredExplanation.Binding("CAPACITY", "4601", 48, 48, 0.42, null),
                        new StoredExplanation.Binding("LARGE_DWELLINGS", "4601", 3, 3, 0.0, "6"),
                        new StoredExplanation.Binding("CLOSE_FAMILY", "4601", 0, 0, 0.0, null),
                        new StoredExplanation.Binding("PINNED", "4601", 0, 0, 0.0, null)),
                new StoredExplanation.Runner("0301", 13.5, "CAPACITY_WORTH_MORE_TO_OTHERS", 0.8, 10.1, 12.0));
    }

    static String all(Worded w) {
        return String.join(" | ", w.summary(), String.join(" | ", w.terms()), String.join(" | ", w.bindings()),
                String.valueOf(w.runnerUp()));
    }

    @Test
    void wordsKnownDataInBokmalWithoutEnglish() {
        Worded nb = explanations.word(known(), NB);
        assertThat(nb.plain()).isFalse();
        assertThat(nb.summary()).isEqualTo("Samlet poeng 12,50 i Bergen (vektene standard versjon 3).");
        assertThat(nb.terms()).containsExactly("Ventetid: +3,20 poeng (vekt 2,00 × verdi 1,60)",
                "Arbeidsmarked: +0,75 poeng (vekt 1,50 × verdi 0,50)");
        assertThat(nb.bindings()).containsExactly(
                "Kommunens vedtatte plasser for denne runden er brukt opp (48 av 48)",
                "Kommunens boliger for 6 personer eller flere er brukt opp (3 av 3)",
                "Nær familie bor i Bergen, så husstanden skal bosettes der",
                "Valgt av saksbehandler");
        assertThat(nb.runnerUp()).startsWith("Oslo med 13,50 poeng – høyere enn her")
                .contains("verdt mer for andre husstander (0,80 poeng per person; netto 10,10 der mot 12,00 her)");
        String text = all(nb).toLowerCase(Locale.ROOT);
        for (String english : ENGLISH) {
            assertThat(text).as("no English in bokmål").doesNotContain(english);
        }
    }

    @Test
    void wordsKnownDataInEnglish() {
        Worded en = explanations.word(known(), Locale.ENGLISH);
        assertThat(en.summary()).isEqualTo("Total score 12.50 in Bergen (weights standard version 3).");
        assertThat(en.terms()).containsExactly("Waiting time: +3.20 points (weight 2.00 × value 1.60)",
                "Labour market: +0.75 points (weight 1.50 × value 0.50)");
        assertThat(en.bindings()).contains("The municipality's decided places for this round are used up (48 of 48)",
                "Chosen by the caseworker");
        assertThat(en.runnerUp()).startsWith("Oslo with 13.50 points – higher than here");
    }

    @Test
    void aScarceButNotFullMunicipalityAndALowerRunnerUpAreWordedToo() {
        StoredExplanation s = new StoredExplanation(StoredExplanation.FORMAT, "standard", 1, "1506", 4.0,
                List.of(new StoredExplanation.Term("someFutureTerm", 1.0, 1.0, 1.0)),
                List.of(new StoredExplanation.Binding("CAPACITY", "1506", 5, 8, 0.25, null),
                        new StoredExplanation.Binding("MINOR_PLACES", "1506", 2, 2, 0.0, null),
                        new StoredExplanation.Binding("TOGETHER_GROUP", "1506", 0, 0, 0.0, "g7")),
                new StoredExplanation.Runner("1505", 3.0, "LOWER_SCORE", 0.0, 3.0, 4.0));
        Worded nb = explanations.word(s, NB);
        assertThat(nb.terms()).containsExactly("Annet hensyn: +1,00 poeng (vekt 1,00 × verdi 1,00)");
        assertThat(nb.bindings()).containsExactly(
                "Kommunens plasser er knappe (5 av 8 brukt): hver plass er verdt 0,25 poeng per person for andre husstander",
                "Kommunens plasser for enslige mindreårige er brukt opp (2 av 2)",
                "Bosettes sammen med de andre husstandene i gruppe g7");
        assertThat(nb.runnerUp()).isEqualTo("Kristiansund med 3,00 poeng – lavere enn her.");
    }

    @Test
    void anEngineExplanationIsStoredAsDataAndWordedWithoutItsEnglishSentences() {
        Explanation e = new Explanation("1506", 5.0, List.of(new ScoreTerm("priority", 3.0, 1.0, 3.0)),
                List.of("capacity of Molde (1506) binding: 0 of 8 places left, dual price 0.500 per person"),
                "Kristiansund (1505): score 4.00, lower score",
                List.of(new BindingConstraint(BindingConstraint.Code.CAPACITY, "1506", 8, 8, 0.5, null)),
                new RunnerUp("1505", 4.0, RunnerUp.Reason.LOWER_SCORE, 0.0, 4.0, 5.0));
        String stored = explanations.store(e, "standard", 7);
        StoredExplanation read = explanations.read(stored).orElseThrow();
        assertThat(read.policyVersion()).isEqualTo(7);
        assertThat(read.bindings()).extracting(StoredExplanation.Binding::code).containsExactly("CAPACITY");
        Worded nb = explanations.word(stored, NB);
        assertThat(nb.bindings()).containsExactly("Kommunens vedtatte plasser for denne runden er brukt opp (8 av 8)");
        assertThat(all(nb)).doesNotContain("dual price", "lower score", "binding");
    }

    @Test
    void anOlderPlainTextExplanationIsShownAsStored() {
        String old = "Poeng 4.10. ventetid 2.00 (vekt 1.0 × 2.00). Bindende: pinned by caseworker.";
        Worded w = explanations.word(old, NB);
        assertThat(w.plain()).isTrue();
        assertThat(w.summary()).isEqualTo(old);
        assertThat(explanations.word((String) null, NB)).isNull();
        assertThat(explanations.word("{not json", NB).plain()).isTrue();
    }

    @Test
    void theCasePageWordsAStoredExplanationInTheReadersLanguageAndStillShowsOldText() throws Exception {
        long centre = fixtures.centre("4601");
        long structured = fixtures.household(centre, 0);
        long old = fixtures.household(centre, 0);
        fixtures.ready(structured);
        fixtures.ready(old);
        long p1 = fixtures.propose(structured, "4601");
        long p2 = fixtures.propose(old, "4601");
        String json = explanations.store(new Explanation("4601", 5.0, List.of(new ScoreTerm("waiting", 2.0, 1.0, 2.0)),
                List.of("capacity binding"), "Oslo (0301): score 1.00, lower score",
                List.of(new BindingConstraint(BindingConstraint.Code.CAPACITY, "4601", 48, 48, 0.3, null)),
                new RunnerUp("0301", 1.0, RunnerUp.Reason.LOWER_SCORE, 0.0, 1.0, 5.0)), "standard", 4);
        long run = jdbc.sql("""
                insert into allocation_run (policy_id, status, households, assigned, objective, upper_bound, gap_percent, seconds,
                    created_at, created_by)
                values (:p, 'SENT', 2, 2, 1, 1, 0, 0.1, now(), 'test') returning id
                """).param("p", policies.current().id()).query(Long.class).single();
        jdbc.sql("update proposal set allocation_run_id = :r, policy_name = 'standard', policy_version = 4, explanation = :e where id = :id")
                .param("r", run).param("e", json).param("id", p1).update();
        jdbc.sql("update proposal set allocation_run_id = :r, policy_name = 'standard', policy_version = 2, explanation = :e where id = :id")
                .param("r", run).param("e", "Poeng 3.30. ventetid 3.30 (vekt 1.0 × 3.30).").param("id", p2).update();

        mvc.perform(get("/saker/" + structured).with(as(fixtures.caseworker()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kommunens vedtatte plasser for denne runden er brukt opp (48 av 48)")))
                .andExpect(content().string(containsString("Ventetid: +2,00 poeng")))
                .andExpect(content().string(containsString("Oslo med 1,00 poeng – lavere enn her.")))
                .andExpect(content().string(not(containsString("lower score"))))
                .andExpect(content().string(not(containsString("capacity binding"))));
        mvc.perform(get("/saker/" + structured).param("lang", "en").with(as(fixtures.caseworker()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("decided places for this round are used up (48 of 48)")))
                .andExpect(content().string(containsString("Waiting time: +2.00 points")));
        mvc.perform(get("/saker/" + old).with(as(fixtures.caseworker()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Lagret forklaring fra en eldre versjon:")))
                .andExpect(content().string(containsString("Poeng 3.30. ventetid 3.30 (vekt 1.0 × 3.30).")));
        // A municipality never sees the agency's explanation.
        mvc.perform(get("/saker/" + structured).with(as(fixtures.municipality("4601")))).andExpect(content().string(
                not(containsString("Kommunens vedtatte plasser for denne runden"))));
    }
}
