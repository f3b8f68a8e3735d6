package no.bosetting.introduction;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import no.bosetting.allocation.AllocationExplanations;
import no.bosetting.allocation.AllocationPolicies;
import no.bosetting.allocation.AllocationPolicy;
import no.bosetting.allocation.AllocationPort;
import no.bosetting.allocation.engine.AllocationResult;
import no.bosetting.allocation.engine.Options;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.interview.Interviews;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outcome model (issue 17 item 5): trained on the register by the administrator, with a model card (data period,
 * size, held-out accuracy and calibration, date) whose held-out Brier score beats the base rate's; never nationality,
 * religion or sex; and the allocation policy's outcome term (issue 15 item 4): on, the round carries the model's
 * predictions and explanations name the term; off, the round carries none.
 */
@IntegrationTest
class OutcomeModelTest {

    private static final String HATTFJELLDAL = "1826";
    private static final String NESNA = "1828";

    @Autowired
    OutcomeModels models;
    @Autowired
    IntroductionRegister register;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Interviews interviews;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    CaseQueries cases;
    @Autowired
    RoundBuilder rounds;
    @Autowired
    AllocationPort engine;
    @Autowired
    AllocationPolicies policies;
    @Autowired
    AllocationExplanations explanations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private static boolean trained;

    private Actor admin() {
        return new Actor("admin-test", "Test Admin", Role.AGENCY_ADMIN, null, null);
    }

    private synchronized ModelCard trainedModel() {
        if (!trained) {
            new RegisterData(fixtures, interviews, proposals, decisions, register).forModel(HATTFJELLDAL, NESNA, 36);
            trained = true;
        }
        return models.train(admin()).value();
    }

    @Test
    void theModelCardShowsItsDataAndBeatsTheBaseRateOnHeldOutPersons() throws Exception {
        ModelCard card = trainedModel();
        int inRegister = jdbc.sql("select count(*) from intro_outcome").query(Integer.class).single();
        assertThat(card.size()).isEqualTo(inRegister).isGreaterThanOrEqualTo(OutcomeModels.MIN_PERSONS);
        assertThat(card.trainSize() + card.testSize()).isEqualTo(card.size());
        assertThat(card.testSize()).isEqualTo((int) Math.round(card.size() * 0.2));
        assertThat(card.seed()).isEqualTo(OutcomeModels.SEED);
        assertThat(card.brier()).isLessThan(card.baseBrier());
        assertThat(card.beatsBaseRate()).isTrue();
        assertThat(card.reliability()).isNotEmpty();
        assertThat(card.reliability().stream().mapToInt(ModelCard.Decile::persons).sum()).isEqualTo(card.testSize());
        assertThat(card.periodFrom()).isBeforeOrEqualTo(card.periodTo());
        assertThat(card.trainedBy()).isEqualTo("admin-test");
        // Education and work experience go with work or education in the data, and the model learnt it.
        double work = card.coefficients().stream().filter(c -> c.feature().equals("workExperience")).findFirst().orElseThrow().weight();
        double education = card.coefficients().stream().filter(c -> c.feature().equals("education")).findFirst().orElseThrow().weight();
        assertThat(work + education).isPositive();
        // Retraining on the same register gives the same model (fixed seed, deterministic fit).
        ModelCard again = models.train(admin()).value();
        assertThat(again.brier()).isEqualTo(card.brier());
        assertThat(again.coefficients()).isEqualTo(card.coefficients());

        mvc.perform(get("/statistikk/introduksjon/modell").with(as(admin()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Modellkort")))
                .andExpect(content().string(containsString("Brier")));
        mvc.perform(get("/statistikk/introduksjon/modell").with(as(fixtures.planner()))).andExpect(status().isForbidden());
        mvc.perform(post("/statistikk/introduksjon/modell").with(as(fixtures.planner())).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/statistikk/introduksjon/modell").with(as(admin())).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void nationalityReligionAndSexAreNeverFeatures() {
        trainedModel();
        assertThat(OutcomeFeatures.NAMES).noneMatch(n -> n.toLowerCase(Locale.ROOT).matches(
                ".*(nation|citizen|country|religion|faith|sex|gender|male|woman|women|singleman).*"));
        assertThat(OutcomeFeatures.Profile.class.getRecordComponents()).extracting(c -> c.getName())
                .containsExactly("workExperience", "education", "age", "type");
        // Changing the persons' citizenship and sex changes no prediction.
        long centre = fixtures.centre(NESNA);
        List<Long> ids = List.of(fixtures.household(centre, 0), fixtures.household(centre, 2));
        ids.forEach(fixtures::ready);
        Map<Long, Map<String, Double>> before = models.predict(ids, List.of(NESNA, HATTFJELLDAL, "0301")).orElseThrow();
        jdbc.sql("""
                update person set citizenship = case when citizenship = 'SYR' then 'ERI' else 'SYR' end,
                                  sex = case when sex = 'F' then 'M' else 'F' end where case_id in (:ids)""").param("ids", ids).update();
        assertThat(models.predict(ids, List.of(NESNA, HATTFJELLDAL, "0301")).orElseThrow()).isEqualTo(before);
        assertThat(models.train(fixtures.planner()).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
    }

    private AllocationPolicy withOutcomeWeight(double weight) {
        AllocationPolicy current = policies.current();
        Map<String, Double> w = new LinkedHashMap<>(current.weights());
        w.put(AllocationPolicy.PREDICTED_OUTCOME, weight);
        return new AllocationPolicy(current.id(), current.name(), current.version(), w, "test", current.createdAt(),
                "test", current.useRangeMaximum(), current.closeFamilyBinds(), current.jobBinds());
    }

    @Test
    void thePolicyTermOnFeedsThePredictionsAndExplanationsNameItOffFeedsNone() {
        trainedModel();
        int year = TestClock.today().getYear();
        fixtures.decide(NESNA, year, 500, 0);
        LocalDate today = TestClock.today();
        long centre = fixtures.centre(NESNA);
        List<Long> ids = List.of(fixtures.household(centre, 1), fixtures.household(centre, 0));
        ids.forEach(fixtures::ready);
        List<CaseSummary> households = ids.stream().map(id -> cases.summary(id, fixtures.caseworker()).orElseThrow()).toList();

        RoundBuilder.Round off = rounds.buildRound("outcome-off", households, today, withOutcomeWeight(0));
        assertThat(off.instance().predictedOutcomes().isEmpty()).isTrue();

        AllocationPolicy onPolicy = withOutcomeWeight(6);
        RoundBuilder.Round on = rounds.buildRound("outcome-on", households, today, onPolicy);
        Map<Long, Map<String, Double>> expected = models.predict(ids, on.instance().municipalities().stream()
                .map(no.bosetting.allocation.engine.Municipality::number).toList()).orElseThrow();
        for (long id : ids) {
            assertThat(on.instance().predictedOutcomes().forHousehold(String.valueOf(id))).isEqualTo(expected.get(id));
        }
        AllocationResult result = engine.solve(on.instance(), onPolicy.toEngine(),
                Options.defaults().withSeed(3).withTimeLimit(Duration.ofSeconds(2)));
        String household = String.valueOf(ids.get(0));
        assertThat(result.assignment()).containsKey(household);
        String stored = explanations.forRound(on, onPolicy.toEngine()).store(household, result.explanations().get(household));
        Optional<String> nb = explanations.word(stored, Locale.forLanguageTag("nb")).terms().stream()
                .filter(t -> t.startsWith("Forventet utfall av introduksjonsprogrammet")).findFirst();
        Optional<String> en = explanations.word(stored, Locale.ENGLISH).terms().stream()
                .filter(t -> t.startsWith("Predicted outcome of the introduction programme")).findFirst();
        assertThat(nb).isPresent();
        assertThat(en).isPresent();
    }
}
