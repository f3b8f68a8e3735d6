package no.bosetting.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import no.bosetting.allocation.engine.AllocationEngine;
import no.bosetting.allocation.engine.AllocationResult;
import no.bosetting.allocation.engine.Explanation;
import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.allocation.engine.Options;
import no.bosetting.allocation.engine.Policy;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.StoredExplanations.Worded;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 item 2, over generated rounds: the deciding reasons never name the chosen municipality's own used-up places,
 * equal scores say equal, and the words are plain (no dual prices, net scores or points).
 */
@IntegrationTest
class ExplanationReasonsTest {

    static final Locale NB = Locale.forLanguageTag("nb");
    /** Internal terms that must never reach the deciding reasons. */
    static final List<String> JARGON = List.of("netto", "dual", "poeng", "vekt", "net ", "points", "weight", "score");

    @Autowired
    AllocationExplanations explanations;
    @Autowired
    Municipalities municipalities;

    /** A scarce round over real municipality numbers: ties, services, closures and equal municipalities on purpose. */
    Instance generated(long seed) {
        Random r = new Random(seed);
        List<no.bosetting.municipalities.Municipality> real = municipalities.all().subList(0, 40);
        List<Municipality> ms = new ArrayList<>();
        for (int i = 0; i < real.size(); i++) {
            var m = real.get(i);
            // Pairs of identical municipalities make equal scores likely.
            int twin = i / 2;
            Set<String> services = twin % 3 == 0 ? Set.of("tilrettelagt_bolig", "bofellesskap") : Set.of();
            int[] d = new int[Municipality.MAX_DWELLING_CLASS + 1];
            d[Municipality.MAX_DWELLING_CLASS] = 1;
            ms.add(new Municipality(m.number(), m.name(), 2 + r.nextInt(6), twin % 4 == 0 ? 2 : 0, services, d, Set.of(),
                    (twin % 5) / 5.0, (twin % 7) / 7.0, 1 + twin % 6, 0.0, twin % 9 == 8));
        }
        List<Household> hs = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int persons = 1 + r.nextInt(5);
            boolean minor = persons == 1 && r.nextInt(6) == 0;
            Household h = new Household("h" + i, persons, minor, persons > 2, r.nextInt(5) == 0 ? Set.of("tilrettelagt_bolig") : Set.of(),
                    r.nextInt(300), Household.defaultTargetDays(minor, persons > 2),
                    r.nextInt(15) == 0 ? ms.get(r.nextInt(ms.size())).number() : null,
                    r.nextInt(4) == 0 ? ms.get(r.nextInt(ms.size())).number() : null,
                    r.nextInt(5) == 0 ? ms.get(r.nextInt(ms.size())).number() : null, null, Set.of(),
                    i < 6 ? "g" + (i / 2) : null, r.nextBoolean(), r.nextBoolean());
            hs.add(h);
        }
        return new Instance("generated-" + seed, hs, ms);
    }

    @Test
    void reasonsNeverNameTheChosenMunicipalitysOwnPlacesAndEqualScoresSayEqual() {
        Policy policy = Policy.defaults();
        int equal = 0;
        int excluded = 0;
        int checked = 0;
        for (long seed = 1; seed <= 4; seed++) {
            Instance instance = generated(seed);
            AllocationResult result = new AllocationEngine().solve(instance, policy,
                    Options.defaults().withSeed(seed).withTimeLimit(Duration.ofSeconds(2)));
            Set<String> all = new HashSet<>();
            instance.municipalities().forEach(m -> all.add(m.number()));
            RoundBuilder.Round round = new RoundBuilder.Round(instance, Set.of(), all, Set.of());
            AllocationExplanations.RoundExplainer explaining = explanations.forRound(round, policy);
            for (Map.Entry<String, Explanation> e : result.explanations().entrySet()) {
                String stored = explaining.store(e.getKey(), e.getValue());
                StoredExplanation s = explanations.read(stored).orElseThrow();
                String here = municipalities.name(s.municipality());
                for (Locale locale : List.of(NB, Locale.ENGLISH)) {
                    Worded w = explanations.word(stored, locale);
                    assertThat(w.reasons()).isNotEmpty();
                    for (String reason : w.reasons()) {
                        String lower = reason.toLowerCase(Locale.ROOT);
                        for (String jargon : JARGON) {
                            assertThat(lower).as("plain words: " + reason).doesNotContain(jargon);
                        }
                        assertThat(lower).doesNotContain("brukt opp").doesNotContain("used up");
                        if (reason.contains(here + " ") && !reason.startsWith("Nær familie") && !reason.startsWith("Close family")
                                && !reason.contains("jobbtilbud i " + here) && !reason.contains("job offer in " + here)) {
                            assertThat(lower).as("the chosen municipality's own places are never a reason: " + reason)
                                    .doesNotContain("plasser").doesNotContain("places");
                        }
                    }
                    assertThat(String.join(" ", w.reasons())).as("centrality fallback named")
                            .containsAnyOf("sentraliteten er brukt", "centrality stands in");
                }
                Worded nb = explanations.word(stored, NB);
                if (s.runnerUp() != null && Math.abs(s.runnerUp().score() - s.score()) < AllocationExplanations.EQUAL) {
                    equal++;
                    assertThat(nb.reasons()).anyMatch(x -> x.contains("passet like godt"));
                    assertThat(nb.runnerUp()).contains("like mange som her").doesNotContain("lavere");
                    assertThat(explanations.word(stored, Locale.ENGLISH).reasons()).anyMatch(x -> x.contains("suited equally well"));
                }
                if (!s.excluded().isEmpty()) {
                    excluded++;
                    assertThat(nb.reasons()).anyMatch(x -> x.startsWith(municipalities.name(s.excluded().get(0).municipality())
                            + " ville passet bedre, men "));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(equal).as("generated rounds have equal scores").isPositive();
        assertThat(excluded).as("generated rounds have better municipalities excluded by a hard rule").isPositive();
    }

    @Test
    void theDecidingReasonNamesWhatMadeThisMunicipalityBetterThanTheRunnerUp() {
        StoredExplanation s = new StoredExplanation(StoredExplanation.FORMAT, "standard", 3, "4601", 20.0,
                List.of(new StoredExplanation.Term("jobOrStudy", 5.0, 1.0, 5.0), new StoredExplanation.Term("widerFamily", 3.0, 1.0, 3.0),
                        new StoredExplanation.Term("waiting", 2.0, 1.0, 2.0)),
                List.of(new StoredExplanation.Binding("CAPACITY", "4601", 48, 48, 0.42, null)),
                new StoredExplanation.Runner("0301", 13.0, "LOWER_SCORE", 0.0, 13.0, 20.0,
                        List.of(new StoredExplanation.Term("waiting", 2.0, 1.0, 2.0), new StoredExplanation.Term("labourMarket", 3.0, 0.3, 0.9))),
                List.of(new StoredExplanation.Excluded("5001", 25.0, "NO_MUNICIPALITY_WITH_REQUIRED_SERVICES")), List.of());
        List<String> nb = explanations.reasons(s, NB);
        assertThat(nb).containsExactly(
                "Passet bedre enn Oslo, som var nest best, på grunn av jobbtilbud eller studieplass i eller nær kommunen"
                        + " og familie eller nettverk i eller nær kommunen.",
                "Trondheim ville passet bedre, men kommunen har ikke tjenestene husstanden trenger.");
        assertThat(explanations.reasons(s, Locale.ENGLISH)).first().asString()
                .isEqualTo("Suited better than Oslo, the next best, because of a job offer or study place in or near"
                        + " the municipality and family or network in or near the municipality.");
    }
}
