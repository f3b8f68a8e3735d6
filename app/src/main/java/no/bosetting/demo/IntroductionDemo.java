package no.bosetting.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.IdentityNumbers;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.indicators.Indicator;
import no.bosetting.indicators.IndicatorValue;
import no.bosetting.indicators.IndicatorValues;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.introduction.IntroductionRegister;
import no.bosetting.introduction.NorwegianLevel;
import no.bosetting.introduction.OutcomeModels;
import no.bosetting.introduction.OutcomeCategory;
import no.bosetting.introduction.TrainingSubject;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The introduction register in the demo (issue 17 items 4–5): a cohort of households settled three to four years ago,
 * each through the real commands at its own moment (permit, interview, council decision, proposal, acceptance,
 * settlement date), whose adults then go through the programme, recorded by the settling municipality (start,
 * Norwegian and social-studies training with tests, sometimes leave, completion) and get their status a year after.
 * The chance of work or education depends plausibly on the profile (work experience and education up, age down) and
 * on the municipality's indicators (the published introduction results up, unemployment down) — never on nationality or
 * sex. Finally the outcome model is trained once, so the administrator finds a model card at first start; the
 * allocation policy's outcome weight stays 0 (off).
 */
@Component
@Profile("!prod")
class IntroductionDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    /** Settling municipalities of the cohort: cities, towns and rural municipalities across the country. */
    private static final String[] MUNICIPALITIES = {"0301", "4601", "5001", "1103", "3301", "1804", "3403", "4204", "1506",
            "5501", "3901", "1813"};
    private static final String[] GIVEN = {"Amina", "Omar", "Olena", "Dmytro", "Hawa", "Yonas", "Leila", "Samir", "Iryna", "Ahmad"};
    private static final String[] FAMILY = {"Kovalenko", "Haile", "Rahimi", "Hassan", "Bondarenko", "Tesfay", "Karimi", "Ali"};
    private static final String[] CITIZENSHIP = {"UKR", "SYR", "ERI", "AFG"};
    static final int HOUSEHOLDS = 60;

    private final DemoCommands commands;
    private final IntroductionRegister register;
    private final OutcomeModels models;
    private final IndicatorValues indicators;
    private final IdentityNumbers identities;
    private final Clock clock;

    IntroductionDemo(DemoCommands commands, IntroductionRegister register, OutcomeModels models, IndicatorValues indicators,
                     IdentityNumbers identities, Clock clock) {
        this.commands = commands;
        this.register = register;
        this.models = models;
        this.indicators = indicators;
        this.identities = identities;
        this.clock = clock;
    }

    private static Actor officer(String municipality) {
        return new Actor("kommune-" + municipality, "Introduksjonskontoret " + municipality, Role.MUNICIPALITY_OFFICER, municipality, null);
    }

    void run(long seed) {
        Random r = new Random(seed * 31 + 17);
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear() - 4;
        Actor planner = new Actor("planlegger", "Demo Planlegger", Role.AGENCY_PLANNER, null, null);
        Actor caseworker = new Actor("saksbehandler", "Demo Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
        Map<String, IndicatorValue> intro = indicators.latest(Indicator.INTRODUCTION_RESULTS, today.getYear());
        Map<String, IndicatorValue> unemployment = indicators.latest(Indicator.UNEMPLOYMENT, today.getYear());
        Set<String> decided = new HashSet<>();
        long[] centre = new long[1];
        int settledPersons = 0;
        int outcomes = 0;
        for (int h = 0; h < HOUSEHOLDS; h++) {
            String m = MUNICIPALITIES[h % MUNICIPALITIES.length];
            LocalDate permit = LocalDate.of(year, 1, 15).plusDays(r.nextInt(200));
            boolean work = r.nextDouble() < 0.5;
            boolean education = r.nextDouble() < 0.4;
            boolean couple = r.nextDouble() < 0.4;
            int children = r.nextInt(3);
            int age = 20 + r.nextInt(35);
            List<PermitImportRequest.PersonData> persons = new ArrayList<>();
            String family = FAMILY[r.nextInt(FAMILY.length)];
            String citizenship = CITIZENSHIP[r.nextInt(CITIZENSHIP.length)];
            persons.add(person(year, h, 0, GIVEN[r.nextInt(GIVEN.length)], family, permit.minusYears(age).minusDays(r.nextInt(300)),
                    r.nextBoolean() ? "F" : "M", citizenship, Relation.MAIN));
            if (couple) {
                persons.add(person(year, h, 1, GIVEN[r.nextInt(GIVEN.length)], family, permit.minusYears(age + r.nextInt(5) - 2),
                        "F", citizenship, Relation.SPOUSE));
            }
            for (int c = 0; c < children; c++) {
                persons.add(person(year, h, 2 + c, GIVEN[r.nextInt(GIVEN.length)], family, permit.minusYears(2 + r.nextInt(12)),
                        c % 2 == 0 ? "M" : "F", citizenship, Relation.CHILD));
            }
            String reference = "INTRO-" + seed + "-" + h;
            LocalDate[] settledOn = new LocalDate[1];
            List<SettlementDecision> settled = new ArrayList<>();
            ShiftableClock.runAt(DemoTime.at(permit, LocalTime.of(9, 0)), () -> {
                if (centre[0] == 0) {
                    centre[0] = commands.centres().create("Mottak " + year + " (demo)", "RECEPTION_CENTRE", "3301");
                }
                var outcome = commands.permitImport().importPermit(new PermitImportRequest(reference, PermitType.ASYLUM, permit,
                        LivingSituation.RECEPTION_CENTRE, centre[0], null, persons), caseworker);
                if (!outcome.ok()) {
                    return;
                }
                long caseId = outcome.caseId();
                InterviewAnswers answers = new InterviewAnswers(permit, "engelsk", null, null, null, null, false, null, null,
                        education ? "Utdanning fra hjemlandet" : null, work ? "Arbeidserfaring fra hjemlandet" : null, false, false,
                        "engelsk", null);
                if (!CommandResult.attempt(() -> commands.interviews().record(caseId, answers, caseworker)).isSuccess()) {
                    return;
                }
                if (decided.add(m)) {
                    // The demo's history (HistoryDemo) may have recorded the year's real decision: the cohort's places on top.
                    int places = commands.capacityDecisions().find(m, year).map(c -> Math.max(400, c.persons() + 60)).orElse(400);
                    CommandResult.attempt(() -> commands.capacityDecisions().record(planner, m, year, places, 0, permit));
                }
                LocalDate settlement = permit.plusDays(60);
                CommandResult<Long> list = CommandResult.attempt(() -> commands.proposals().sendList(caseworker, m, List.of(caseId), null));
                if (!list.isSuccess()) {
                    return;
                }
                settledOn[0] = settlement;
                ShiftableClock.runAt(DemoTime.at(permit.plusDays(20), LocalTime.of(10, 0)), () -> {
                    Long proposal = commands.proposals().forCase(caseId).stream().map(p -> p.id()).reduce((a, b) -> b).orElse(null);
                    if (proposal == null) {
                        return;
                    }
                    Map<Long, LocalDate> planned = new java.util.HashMap<>();
                    commands.caseQueries().personIds(caseId).forEach(id -> planned.put(id, settlement));
                    CommandResult.attempt(() -> commands.proposals().accept(officer(m), proposal, planned, null));
                });
                ShiftableClock.runAt(DemoTime.at(settlement, LocalTime.of(12, 0)), () ->
                        commands.settlementDecisions().forCase(caseId).forEach(d -> {
                            if (CommandResult.attempt(() -> commands.settlementDecisions().registerSettlementDate(d.id(), settlement, null,
                                    officer(m))).isSuccess()) {
                                settled.add(d);
                            }
                        }));
            });
            if (settled.isEmpty()) {
                continue;
            }
            double chance = chance(work, education, age, intro.get(m), unemployment.get(m));
            Map<Long, no.bosetting.cases.AnonymousMember> members = commands.caseQueries().anonymousMembersByPerson(settled.get(0).caseId());
            for (SettlementDecision d : settled) {
                no.bosetting.cases.AnonymousMember member = members.get(d.personId());
                if (member == null || member.relation() == Relation.CHILD) {
                    continue;
                }
                settledPersons++;
                outcomes += programme(r, m, d, settledOn[0], chance, today) ? 1 : 0;
            }
        }
        log.info("Demo data: introduction register for {} persons settled in {}, {} with a status a year after", settledPersons,
                year, outcomes);
        CommandResult<?> trained = CommandResult.attempt(() -> models.train(Actor.system()));
        log.info("Demo data: outcome model {}", trained.isSuccess() ? "trained (off in the allocation policy)" : "not trained: " + trained.failure());
    }

    /** The programme of one adult, recorded by the municipality at each step's date; whether a status was recorded. */
    private boolean programme(Random r, String m, SettlementDecision d, LocalDate settledOn, double chance, LocalDate today) {
        Actor officer = officer(m);
        LocalDate start = settledOn.plusDays(20 + r.nextInt(60));
        LocalDate end = start.plusDays(540 + r.nextInt(200));
        boolean leave = r.nextDouble() < 0.15;
        LocalDate measured = end.plusYears(1).plusDays(r.nextInt(30));
        if (measured.isAfter(today)) {
            return false;
        }
        boolean[] ok = {true};
        ShiftableClock.runAt(DemoTime.at(start, LocalTime.of(10, 0)), () ->
                ok[0] = CommandResult.attempt(() -> register.saveProgramme(officer, d.caseId(), d.personId(), start, null)).isSuccess());
        if (!ok[0]) {
            return false;
        }
        ShiftableClock.runAt(DemoTime.at(end, LocalTime.of(11, 0)), () -> {
            if (leave) {
                CommandResult.attempt(() -> register.addPeriod(officer, d.caseId(), d.personId(),
                        no.bosetting.introduction.PeriodKind.LEAVE, start.plusDays(120), start.plusDays(200)));
            }
            NorwegianLevel level = NorwegianLevel.values()[Math.min(4, (int) (chance * 4 + r.nextDouble() * 1.5))];
            CommandResult.attempt(() -> register.addTraining(officer, d.caseId(), d.personId(), TrainingSubject.NORWEGIAN,
                    400 + r.nextInt(500), end.minusDays(10), level, null));
            CommandResult.attempt(() -> register.addTraining(officer, d.caseId(), d.personId(), TrainingSubject.SOCIAL_STUDIES, 75,
                    start.plusDays(150), null, r.nextDouble() < 0.85));
            CommandResult.attempt(() -> register.saveProgramme(officer, d.caseId(), d.personId(), start, end));
        });
        boolean good = r.nextDouble() < chance;
        OutcomeCategory status = !good ? OutcomeCategory.NEITHER
                : r.nextDouble() < 0.6 ? OutcomeCategory.WORK : r.nextDouble() < 0.7 ? OutcomeCategory.EDUCATION : OutcomeCategory.BOTH;
        boolean[] recorded = {false};
        ShiftableClock.runAt(DemoTime.at(measured, LocalTime.of(12, 0)), () -> recorded[0] = CommandResult.attempt(() ->
                register.recordOutcome(officer, d.caseId(), d.personId(), status, measured)).isSuccess());
        return recorded[0];
    }

    /** Plausible chance of work or education: profile and the municipality's indicators; never nationality or sex. */
    static double chance(boolean work, boolean education, int age, IndicatorValue intro, IndicatorValue unemployment) {
        double introShare = intro == null ? 55 : intro.asDouble();
        double unemployed = unemployment == null ? 2.5 : unemployment.asDouble();
        double s = -0.4 + 1.2 * (work ? 1 : 0) + 0.7 * (education ? 1 : 0) - 0.04 * (age - 30)
                + 0.04 * (introShare - 55) - 0.3 * (unemployed - 2.5);
        return 1 / (1 + Math.exp(-s));
    }

    private PermitImportRequest.PersonData person(int year, int h, int k, String given, String family, LocalDate birth, String sex,
                                                  String citizenship, Relation relation) {
        String duf = freeDuf(year, 97_000_000 + h * 10 + k);
        return new PermitImportRequest.PersonData(duf, null, null, given, family, birth, sex, citizenship, relation, null, null);
    }

    private String freeDuf(int year, int from) {
        for (int i = from; ; i += 1000) {
            String duf = String.format("%04d%08d", year, i);
            if (!identities.isTaken(duf)) {
                return duf;
            }
        }
    }
}
