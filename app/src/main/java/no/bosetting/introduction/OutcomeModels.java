package no.bosetting.introduction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.AnonymousMember;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.indicators.Indicator;
import no.bosetting.indicators.IndicatorValue;
import no.bosetting.indicators.IndicatorValues;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outcome model (issue 17 item 5): from the register, the chance that a person is in work or education a year
 * after the programme, by household profile and municipality ({@link OutcomeFeatures} — never nationality, religion or
 * sex), as a {@link LogisticRegression}. The administrator trains it (the newest trained model is the one in use) and
 * sees its {@link ModelCard}; the allocation policy's outcome term reads {@link #predict} when its weight is above 0.
 */
@Service
public class OutcomeModels {

    /** The held-out split's seed: the same register gives the same split and the same model. */
    public static final long SEED = 20_240_101L;
    /** Share of the persons held out to test the model. */
    static final double HELD_OUT = 0.2;
    /** Fewer persons with a status than this is too little to learn from. */
    public static final int MIN_PERSONS = 40;
    /** Smoothing of a municipality's own results towards the national share, in persons (few persons say little). */
    static final double PRIOR_PERSONS = 10;

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The trained model as stored: the card without its row's columns, and what prediction needs. */
    record Stored(String periodFrom, String periodTo, int size, int trainSize, int testSize, long seed, double baseRate, double accuracy,
                  double baseAccuracy, double brier, double baseBrier, List<ModelCard.Decile> reliability, double intercept,
                  double[] weights, double[] means, double[] scales, double unemploymentMean, double introductionMean) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final Interviews interviews;
    private final IndicatorValues indicators;
    private final IntroductionResults results;

    public OutcomeModels(JdbcClient jdbc, Clock clock, CaseQueries cases, Interviews interviews, IndicatorValues indicators,
                         IntroductionResults results) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.interviews = interviews;
        this.indicators = indicators;
        this.results = results;
    }

    /** One person of the register with a status: the training data. */
    record Example(long personId, long caseId, String municipality, LocalDate startedOn, LocalDate completedOn, boolean good) {
    }

    /** Trains a new model on the whole register and stores it with its card; the agency administrator only. */
    @Transactional
    public CommandResult<ModelCard> train(Actor actor) {
        if (!actor.is(Role.AGENCY_ADMIN)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        List<Example> examples = jdbc.sql("""
                select o.person_id, p.case_id, p.municipality_number, p.started_on, p.completed_on, o.status
                from intro_outcome o join intro_participation p on p.person_id = o.person_id order by o.person_id""")
                .query((rs, n) -> new Example(rs.getLong("person_id"), rs.getLong("case_id"), rs.getString("municipality_number"),
                        rs.getObject("started_on", LocalDate.class), rs.getObject("completed_on", LocalDate.class),
                        OutcomeCategory.valueOf(rs.getString("status")).workOrEducation())).list();
        long good = examples.stream().filter(Example::good).count();
        if (examples.size() < MIN_PERSONS || good == 0 || good == examples.size()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("", "introduction.model.tooFew", MIN_PERSONS, examples.size()));
        }
        Places places = places();
        Map<Long, Map<Long, AnonymousMember>> members = new HashMap<>();
        Map<Long, InterviewAnswers> answers = interviews.answersFor(examples.stream().map(Example::caseId).distinct().toList());
        LocalDate today = LocalDate.now(clock);
        double[][] x = new double[examples.size()][];
        int[] y = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            AnonymousMember member = members.computeIfAbsent(e.caseId(), cases::anonymousMembersByPerson).get(e.personId());
            int ageNow = member == null ? 30 : member.age();
            int age = ageNow - Period.between(e.startedOn(), today).getYears();
            x[i] = OutcomeFeatures.vector(profile(e.caseId(), answers.get(e.caseId()), age), places.leavingOut(e.municipality(), e.good()));
            y[i] = e.good() ? 1 : 0;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(SEED));
        int testSize = (int) Math.round(examples.size() * HELD_OUT);
        List<Integer> test = order.subList(0, testSize);
        List<Integer> train = order.subList(testSize, order.size());
        double[][] tx = train.stream().map(i -> x[i]).toArray(double[][]::new);
        int[] ty = train.stream().mapToInt(i -> y[i]).toArray();
        LogisticRegression model = LogisticRegression.fit(tx, ty);
        double baseRate = java.util.Arrays.stream(ty).average().orElse(0);
        double[] predicted = test.stream().mapToDouble(i -> model.predict(x[i])).toArray();
        int[] observed = test.stream().mapToInt(i -> y[i]).toArray();
        Stored stored = new Stored(
                examples.stream().map(Example::completedOn).min(Comparator.naturalOrder()).orElseThrow().toString(),
                examples.stream().map(Example::completedOn).max(Comparator.naturalOrder()).orElseThrow().toString(),
                examples.size(), train.size(), testSize, SEED, baseRate, accuracy(predicted, observed, 0.5),
                accuracy(new double[observed.length], observed, baseRate >= 0.5 ? -1 : 2), brier(predicted, observed),
                brier(constant(observed.length, baseRate), observed), reliability(predicted, observed), model.intercept,
                model.weights, model.means, model.scales, places.unemploymentMean, places.introductionMean);
        long id = jdbc.sql("insert into outcome_model (trained_at, trained_by, model) values (:at, :by, :m) returning id")
                .param("at", OffsetDateTime.now(clock)).param("by", actor.username()).param("m", JSON.writeValueAsString(stored))
                .query(Long.class).single();
        return CommandResult.ok(card(id).orElseThrow());
    }

    /** The card of the model in use, or empty before the first training. */
    public Optional<ModelCard> current() {
        return jdbc.sql("select id from outcome_model order by id desc limit 1").query(Long.class).optional().flatMap(this::card);
    }

    private Optional<ModelCard> card(long id) {
        return jdbc.sql("select trained_at, trained_by, model from outcome_model where id = :id").param("id", id)
                .query((rs, n) -> {
                    Stored s = JSON.readValue(rs.getString("model"), Stored.class);
                    List<ModelCard.Coefficient> coefficients = new ArrayList<>();
                    for (int j = 0; j < s.weights().length; j++) {
                        coefficients.add(new ModelCard.Coefficient(OutcomeFeatures.NAMES.get(j), s.weights()[j]));
                    }
                    return new ModelCard(rs.getObject("trained_at", OffsetDateTime.class), rs.getString("trained_by"),
                            LocalDate.parse(s.periodFrom()), LocalDate.parse(s.periodTo()), s.size(), s.trainSize(), s.testSize(), s.seed(),
                            s.baseRate(), s.accuracy(), s.baseAccuracy(), s.brier(), s.baseBrier(), s.reliability(), coefficients,
                            s.intercept());
                }).optional();
    }

    private Optional<Stored> stored() {
        return jdbc.sql("select model from outcome_model order by id desc limit 1").query(String.class).optional()
                .map(m -> JSON.readValue(m, Stored.class));
    }

    /**
     * The predicted chance of work or education per case and municipality, by the model in use; empty when no model
     * has been trained. Reads the household's profile only: the interview's education and work experience, the main
     * member's age and the household type.
     */
    public Optional<Map<Long, Map<String, Double>>> predict(Collection<Long> caseIds, Collection<String> municipalityNumbers) {
        Optional<Stored> stored = stored();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Stored s = stored.get();
        LogisticRegression model = new LogisticRegression(s.intercept(), s.weights(), s.means(), s.scales());
        Places places = places();
        Map<String, OutcomeFeatures.Place> placeOf = new HashMap<>();
        for (String m : municipalityNumbers) {
            placeOf.put(m, places.of(m, s.unemploymentMean(), s.introductionMean()));
        }
        Map<Long, InterviewAnswers> answers = interviews.answersFor(caseIds);
        Map<Long, Map<String, Double>> out = new LinkedHashMap<>();
        for (long caseId : caseIds) {
            List<AnonymousMember> members = cases.anonymousMembers(caseId);
            int age = members.isEmpty() ? 30 : members.get(0).age();
            OutcomeFeatures.Profile profile = profile(caseId, answers.get(caseId), age);
            if (profile == null) {
                continue;
            }
            Map<String, Double> row = new HashMap<>();
            placeOf.forEach((m, place) -> row.put(m, model.predict(OutcomeFeatures.vector(profile, place))));
            out.put(caseId, row);
        }
        return Optional.of(out);
    }

    private OutcomeFeatures.Profile profile(long caseId, InterviewAnswers a, int age) {
        Optional<CaseSummary> summary = cases.summaryForSystem(caseId);
        if (summary.isEmpty()) {
            return null;
        }
        return new OutcomeFeatures.Profile(a != null && a.workExperience() != null && !a.workExperience().isBlank(),
                a != null && a.education() != null && !a.education().isBlank(), age, summary.get().householdType());
    }

    /** The municipalities' side of the features: indicators (missing = the mean of the others) and own results. */
    private Places places() {
        int year = LocalDate.now(clock).getYear();
        return new Places(values(indicators.latest(Indicator.UNEMPLOYMENT, year)),
                values(indicators.latest(Indicator.INTRODUCTION_RESULTS, year)), results.ownResults());
    }

    private static Map<String, Double> values(Map<String, IndicatorValue> latest) {
        Map<String, Double> m = new HashMap<>();
        latest.forEach((k, v) -> m.put(k, v.asDouble()));
        return m;
    }

    private static final class Places {
        final Map<String, Double> unemployment;
        final Map<String, Double> introduction;
        final Map<String, int[]> own;
        final double unemploymentMean;
        final double introductionMean;
        final double nationalShare;

        Places(Map<String, Double> unemployment, Map<String, Double> introduction, Map<String, int[]> own) {
            this.unemployment = unemployment;
            this.introduction = introduction;
            this.own = own;
            this.unemploymentMean = unemployment.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            this.introductionMean = introduction.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            int n = own.values().stream().mapToInt(c -> c[0]).sum();
            int good = own.values().stream().mapToInt(c -> c[1]).sum();
            this.nationalShare = n == 0 ? 0.5 : (double) good / n;
        }

        OutcomeFeatures.Place of(String m, double unemploymentFallback, double introductionFallback) {
            int[] c = own.getOrDefault(m, new int[2]);
            return new OutcomeFeatures.Place(unemployment.getOrDefault(m, unemploymentFallback),
                    introduction.getOrDefault(m, introductionFallback), smoothed(c[0], c[1]));
        }

        /** For training: the municipality's own results without the person's own outcome (no label leaks in). */
        OutcomeFeatures.Place leavingOut(String m, boolean good) {
            int[] c = own.getOrDefault(m, new int[2]);
            return new OutcomeFeatures.Place(unemployment.getOrDefault(m, unemploymentMean),
                    introduction.getOrDefault(m, introductionMean), smoothed(c[0] - 1, c[1] - (good ? 1 : 0)));
        }

        double smoothed(int n, int good) {
            return (good + PRIOR_PERSONS * nationalShare) / (n + PRIOR_PERSONS);
        }
    }

    static double accuracy(double[] predicted, int[] observed, double threshold) {
        int right = 0;
        for (int i = 0; i < observed.length; i++) {
            right += (predicted[i] >= threshold ? 1 : 0) == observed[i] ? 1 : 0;
        }
        return observed.length == 0 ? 0 : (double) right / observed.length;
    }

    static double brier(double[] predicted, int[] observed) {
        double s = 0;
        for (int i = 0; i < observed.length; i++) {
            s += (predicted[i] - observed[i]) * (predicted[i] - observed[i]);
        }
        return observed.length == 0 ? 0 : s / observed.length;
    }

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** Held-out persons sorted by predicted chance in ten groups of (nearly) equal size. */
    static List<ModelCard.Decile> reliability(double[] predicted, int[] observed) {
        Integer[] idx = new Integer[predicted.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, Comparator.comparingDouble(i -> predicted[i]));
        List<ModelCard.Decile> deciles = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = d * idx.length / 10;
            int to = (d + 1) * idx.length / 10;
            if (to <= from) {
                continue;
            }
            double p = 0;
            double o = 0;
            for (int k = from; k < to; k++) {
                p += predicted[idx[k]];
                o += observed[idx[k]];
            }
            deciles.add(new ModelCard.Decile(d + 1, to - from, p / (to - from), o / (to - from)));
        }
        return deciles;
    }
}
