package no.bosetting.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import no.bosetting.allocation.engine.AllocationEngine;
import no.bosetting.allocation.engine.AllocationResult;
import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.allocation.engine.Options;
import no.bosetting.allocation.engine.Policy;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 item 3: a municipality a restricted concern report makes unsuitable is excluded by the engine, and the
 * household's explanation says only that some municipalities were left out "for a restricted reason" — neither the
 * municipality nor the concern.
 */
@IntegrationTest
class RestrictedReasonTest {

    @Autowired
    AllocationExplanations explanations;
    @Autowired
    Municipalities municipalities;

    @Test
    void theUnsuitableMunicipalityIsExcludedAndTheExplanationSaysOnlyARestrictedReason() {
        List<no.bosetting.municipalities.Municipality> real = municipalities.all().subList(0, 3);
        List<Municipality> ms = new ArrayList<>();
        for (var m : real) {
            int[] d = new int[Municipality.MAX_DWELLING_CLASS + 1];
            d[Municipality.MAX_DWELLING_CLASS] = 1;
            ms.add(new Municipality(m.number(), m.name(), 5, 0, Set.of(), d, Set.of(), 0.5, 0.5, 3, 0.0, false));
        }
        String risky = real.get(0).number();
        // Wider family lives where the risk lives: without the restriction the engine would choose it.
        Household h = new Household("h1", 2, false, false, Set.of(), 100, 180, null, risky, null, null, Set.of(risky), null,
                false, false);
        Instance instance = new Instance("restricted", List.of(h), ms);
        AllocationResult result = new AllocationEngine().solve(instance, Policy.defaults(),
                Options.defaults().withSeed(1).withTimeLimit(Duration.ofSeconds(2)));
        assertThat(result.assignment().get("h1")).isNotNull().isNotEqualTo(risky);

        RoundBuilder.Round round = new RoundBuilder.Round(instance, Set.of(), Set.of(), Set.of(), Map.of("h1", Set.of(risky)));
        String stored = explanations.forRound(round, Policy.defaults()).store("h1", result.explanations().get("h1"));
        for (Locale locale : List.of(Locale.forLanguageTag("nb"), Locale.ENGLISH)) {
            List<String> reasons = explanations.word(stored, locale).reasons();
            assertThat(reasons).anyMatch(r -> r.contains("begrenset grunn") || r.contains("restricted reason"));
            assertThat(String.join(" ", reasons)).doesNotContain(real.get(0).name());
        }
        assertThat(stored).doesNotContain(risky);
    }
}
