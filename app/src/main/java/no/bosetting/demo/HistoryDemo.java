package no.bosetting.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.ProposalStatus;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's history (issue 22 item 1), an option of the demo data ({@code bosetting.demo-data.history-years=5}, or the
 * national preset {@code bosetting.demo-data.national=true}): before the current year, the five years before it shaped
 * like 2021–2025 ({@link HistoryShape}, IMDi's figures; the 2022 surge of Ukrainians with collective protection), each
 * replayed through the real commands at its own moments ({@link ShiftableClock#runAt}), oldest first: the agency's
 * national need and requests in the autumn before (2022's revised on 18 March, as in 2022), the councils' decisions in
 * December, and every settled household from permit, interview and weekly distribution list to acceptance and the
 * settlement date of each member — so statistics, the map, the municipalities' history, the grant schedules (years 2–5 of
 * earlier arrivals) and the planning's settlement experience all see five years. At national size the full command path
 * for some 110,000 persons takes long; {@code bosetting.demo-data.history-scale} (a fraction, printed) scales the persons,
 * decisions and requests down together, keeping their shape.
 */
@Component
@Profile("!prod")
public class HistoryDemo {

    /** The national preset's history scale: a stated fraction of IMDi's persons (README, "A national data set"). */
    static final double NATIONAL_SCALE = 0.25;
    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final DemoCommands commands;
    private final HistoryIntroduction introduction;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int years;
    private final double scale;

    HistoryDemo(DemoCommands commands, HistoryIntroduction introduction, JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
                @Value("${bosetting.demo-data.national:false}") boolean national,
                @Value("${bosetting.demo-data.history-years:-1}") int years,
                @Value("${bosetting.demo-data.history-scale:-1}") double scale) {
        this.commands = commands;
        this.introduction = introduction;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.years = Math.min(HistoryShape.YEARS, years >= 0 ? years : national ? HistoryShape.YEARS : 0);
        this.scale = scale > 0 ? scale : national ? NATIONAL_SCALE : 1.0;
    }

    /** What the history seeded per year, and what the application refused. */
    public record Result(List<YearResult> years, double scale, Map<String, Integer> refusals, Duration duration) {
    }

    public record YearResult(int year, int realYear, int need, int decided, int householdsPlanned, int householdsSettled,
                             int personsSettled, int ukrainiansSettled, int introductionProgrammes) {
    }

    /** The demo's hook: seeds the history when the option is on. */
    Optional<Result> runIfEnabled(long seed) {
        return years > 0 ? Optional.of(run(seed, years, scale, m -> true)) : Optional.empty();
    }

    /**
     * Seeds the {@code count} years before this one at {@code scale} for the municipalities {@code included} accepts
     * (the national need and requests are the country's either way). A refusal is counted and logged, never thrown.
     */
    public Result run(long seed, int count, double scale, Predicate<String> included) {
        long started = System.nanoTime();
        if (seeded(seed)) {
            // Never twice: a seeding stopped half-way is emptied and started afresh as a whole (DemoSeedingRecovery).
            log.info("Demo history: already present for seed {}; nothing to do", seed);
            return new Result(List.of(), scale, Map.of(), Duration.ZERO);
        }
        List<HistoryPlanner.PlannedYear> planned = new HistoryPlanner(seed, scale, LocalDate.now(clock)).plan(count, included);
        log.info("Demo history: {} years before this one shaped like {}–{} at scale {} of IMDi's persons: {}", count,
                planned.get(0).shape().realYear(), planned.get(planned.size() - 1).shape().realYear(), scale,
                planned.stream().map(y -> y.year() + " " + y.persons() + " persons in " + y.households().size() + " households")
                        .toList());
        Run run = new Run();
        List<YearResult> results = new ArrayList<>();
        for (HistoryPlanner.PlannedYear year : planned) {
            results.add(run.year(year));
        }
        Result result = new Result(results, scale, run.refusals, Duration.ofNanos(System.nanoTime() - started));
        print(result);
        return result;
    }

    /** Whether the history of the seed is in the database: any of its cases (they count as demo data, "DEMO-%"). */
    boolean seeded(long seed) {
        return jdbc.sql("select exists (select 1 from settlement_case where permit_reference like :p)")
                .param("p", referencePrefix(seed) + "%").query(Boolean.class).single();
    }

    /** The history's permit references: "DEMO-H2023-2022-000001" (seed, year, household). */
    static String referencePrefix(long seed) {
        return DemoDataGenerator.REFERENCE_PREFIX + "H" + seed + "-";
    }

    private void print(Result r) {
        StringBuilder b = new StringBuilder(String.format("Demo history seeded in %.1f s at scale %s (issue 22 item 1):",
                r.duration().toMillis() / 1000.0, r.scale()));
        b.append(String.format("%n  %-6s %-10s %10s %10s %12s %12s %12s %14s", "year", "shaped as", "request", "decided", "households",
                "persons", "Ukrainians", "introduction"));
        for (YearResult y : r.years()) {
            b.append(String.format("%n  %-6d %-10d %,10d %,10d %,12d %,12d %,12d %,14d", y.year(), y.realYear(), y.need(), y.decided(),
                    y.householdsSettled(), y.personsSettled(), y.ukrainiansSettled(), y.introductionProgrammes()));
        }
        if (!r.refusals().isEmpty()) {
            b.append(String.format("%n  refused: %s", r.refusals()));
        }
        b.append(String.format("%n  See /offentlig/statistikk?year=…, /kapasitet, /kommune (history), /tilskudd"));
        log.info(b.toString());
    }

    /** One history run: the actors, the centre and what was refused. */
    private final class Run {

        private final Actor planner;
        private final Actor caseworker;
        private final Map<String, Integer> refusals = new TreeMap<>();
        private final Map<String, Actor> officers = new HashMap<>();
        /** The real today: the steps run at their own moments, which the clock then says is "now". */
        private final LocalDate today = LocalDate.now(clock);
        private Long centre;

        Run() {
            this.planner = commands.users().findActor("planlegger")
                    .orElse(new Actor("planlegger", "Planlegger", Role.AGENCY_PLANNER, null, null));
            this.caseworker = commands.users().findActor("saksbehandler")
                    .orElse(new Actor("saksbehandler", "Saksbehandler", Role.AGENCY_CASEWORKER, null, null));
        }

        YearResult year(HistoryPlanner.PlannedYear y) {
            int year = y.year();
            List<Step> steps = new ArrayList<>();
            // The autumn before: the national need and the requests computed from it; 2022 from its original request.
            boolean surge = y.shape().realYear() == 2022;
            int firstNeed = surge ? (int) Math.round(HistoryShape.ORIGINAL_REQUEST_2022 * y.need() / (double) y.shape().nationalRequest())
                    : y.need();
            steps.add(new Step(DemoTime.at(LocalDate.of(year - 1, 10, 1), LocalTime.of(10, 0)), 0, () -> need(year, firstNeed)));
            if (surge) {
                steps.add(new Step(DemoTime.at(LocalDate.of(year, 3, 18), LocalTime.of(10, 0)), 0, () -> revise(year, y.need())));
            }
            LocalDate decidedOn = LocalDate.of(year - 1, 12, 10);
            y.decided().forEach((m, persons) -> steps.add(new Step(DemoTime.at(decidedOn, LocalTime.of(14, 0)), 1,
                    () -> count("decision", command(() -> commands.capacityDecisions().record(officer(m), m, year, persons, 0, decidedOn))))));
            int[] settled = new int[4];
            java.util.SplittableRandom intro = new java.util.SplittableRandom(year * 31L + y.households().size());
            Map<String, List<Flow>> lists = new LinkedHashMap<>();
            for (int i = 0; i < y.households().size(); i++) {
                HistoryPlanner.Household h = y.households().get(i);
                int index = i;
                Flow f = new Flow(h);
                steps.add(new Step(DemoTime.at(h.permitDate(), LocalTime.of(9, 0)), 2, f::importPermit));
                LocalDate interview = h.permitDate().plusDays(7);
                steps.add(new Step(DemoTime.at(interview, LocalTime.of(11, 0)), 3, f::interview));
                // Weekly lists: the Monday on or after four weeks before the settlement, never before the interview.
                LocalDate listDay = DemoTime.max(interview.plusDays(1), h.settlementDate().minusDays(28));
                LocalDate monday = listDay.plusDays((8 - listDay.getDayOfWeek().getValue()) % 7);
                LocalDate day = monday.isBefore(h.settlementDate().minusDays(4)) ? monday : listDay;
                lists.computeIfAbsent(h.municipality() + "|" + day, k -> new ArrayList<>()).add(f);
                f.listDay = day;
                steps.add(new Step(DemoTime.at(day.plusDays(2), LocalTime.of(13, 0)), 5, f::accept));
                steps.add(new Step(DemoTime.at(h.settlementDate(), LocalTime.of(12, 0)), 6, () -> {
                    if (f.settle()) {
                        settled[0]++;
                        settled[1] += h.size();
                        settled[2] += h.permitType() == no.bosetting.cases.PermitType.COLLECTIVE_PROTECTION ? h.size() : 0;
                        // The introduction register: a sample's adults start the programme weeks after (HistoryIntroduction).
                        settled[3] += introduction.record(f.caseId, index, h.municipality(), h.settlementDate(), today, intro,
                                this::refused);
                    }
                }));
            }
            lists.forEach((key, flows) -> steps.add(new Step(DemoTime.at(flows.get(0).listDay, LocalTime.of(10, 0)), 4,
                    () -> sendList(flows))));
            steps.sort(Comparator.comparing(Step::at).thenComparingInt(Step::phase));
            DemoProgress progress = new DemoProgress("Demo history " + year, steps.size(), System::nanoTime, log::info);
            for (Step s : steps) {
                progress.step();
                ShiftableClock.runAt(s.at(), () -> {
                    try {
                        s.action().run();
                    } catch (RuntimeException e) {
                        refused("step " + e.getClass().getSimpleName());
                        log.debug("Demo history: step refused", e);
                    }
                });
            }
            int decided = y.decided().values().stream().mapToInt(Integer::intValue).sum();
            return new YearResult(year, y.shape().realYear(), y.need(), decided, y.households().size(), settled[0], settled[1], settled[2],
                    settled[3]);
        }

        private void need(int year, int persons) {
            if (commands.nationalPlan().need(year).isPresent()) {
                return; // a year planned already (a test's, or a demo seeded before): left as it is
            }
            LocalDate today = LocalDate.now(clock);
            if (count("need", command(() -> commands.capacityRequests().saveNeed(planner, year, persons, today, Map.of())))) {
                count("request", command(() -> commands.capacityRequests().issue(planner, year, today, "Anmodning om bosetting i " + year)));
            }
        }

        private void revise(int year, int persons) {
            count("revision", command(() -> commands.planRevision().revise(planner, year, persons, LocalDate.now(clock),
                    "Masseflukt fra Ukraina: revidert anmodning som 18. mars 2022 (om lag 5 500 → 35 000)")));
        }

        private void sendList(List<Flow> flows) {
            List<Flow> ready = flows.stream().filter(f -> f.caseId != null && !f.lost).toList();
            if (ready.isEmpty()) {
                return;
            }
            String m = ready.get(0).household.municipality();
            String note = "Fordelingsliste uke " + LocalDate.now(clock).get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (command(() -> commands.proposals().sendList(caseworker, m, ready.stream().map(f -> f.caseId).toList(), note)).isSuccess()) {
                return;
            }
            for (Flow f : ready) { // all or nothing: one by one, so one bad household does not hold the others back
                f.check("list", command(() -> commands.proposals().sendList(caseworker, m, List.of(f.caseId), note)));
            }
        }

        private Actor officer(String m) {
            return officers.computeIfAbsent(m, n -> DemoCatalogue.LOGINS.stream().filter(l -> n.equals(l.municipalityNumber()))
                    .findFirst().flatMap(l -> commands.users().findActor(l.username()))
                    .orElse(new Actor("kommune-" + n, commands.municipalities().name(n) + " kommune", Role.MUNICIPALITY_OFFICER, n, null)));
        }

        private long centre() {
            if (centre == null) {
                centre = commands.centres().create("Mottak for historikken (demo)", "RECEPTION_CENTRE", "3301");
            }
            return centre;
        }

        private boolean count(String what, CommandResult<?> result) {
            if (!result.isSuccess()) {
                refused(what + " " + result.failure().messageKey());
            }
            return result.isSuccess();
        }

        private void refused(String what) {
            int n = refusals.merge(what, 1, Integer::sum);
            if (n == 1) {
                log.warn("Demo history: refused {}", what);
            }
        }

        /** A settled household's way through the commands. */
        private final class Flow {

            final HistoryPlanner.Household household;
            Long caseId;
            boolean lost;
            LocalDate listDay;

            Flow(HistoryPlanner.Household household) {
                this.household = household;
            }

            void importPermit() {
                HistoryPlanner.Household h = household;
                ImportOutcome outcome = inTransaction(() -> commands.permitImport().importPermit(new PermitImportRequest(h.reference(),
                        h.permitType(), h.permitDate(), LivingSituation.RECEPTION_CENTRE, centre(), null, h.persons()), caseworker));
                if (outcome.ok()) {
                    caseId = outcome.caseId();
                } else {
                    lost = true;
                    refused("import " + outcome.problems().stream().map(p -> p.field()).distinct().toList());
                }
            }

            void interview() {
                if (goesOn()) {
                    String language = DemoCatalogue.interpreterLanguage(household.persons().get(0).citizenship());
                    check("interview", command(() -> commands.interviews().record(caseId, new InterviewAnswers(LocalDate.now(clock),
                            language, null, null, null, null, false, null, null, null, null, false, false, language, null), caseworker)));
                }
            }

            void accept() {
                if (!goesOn()) {
                    return;
                }
                Optional<ProposalRow> pending = commands.proposals().forCase(caseId).stream()
                        .filter(p -> p.status() == ProposalStatus.PENDING && p.municipalityNumber().equals(household.municipality()))
                        .findFirst();
                if (pending.isEmpty()) {
                    lost = true;
                    refused("accept: no pending proposal");
                    return;
                }
                Map<Long, LocalDate> planned = new HashMap<>();
                commands.caseQueries().personIds(caseId).forEach(id -> planned.put(id, household.settlementDate()));
                check("accept", command(() -> commands.proposals().accept(officer(household.municipality()), pending.get().id(),
                        planned, null)));
            }

            boolean settle() {
                if (!goesOn()) {
                    return false;
                }
                List<SettlementDecision> open = commands.settlementDecisions().forCase(caseId).stream()
                        .filter(d -> d.status() == DecisionStatus.OFFERED).toList();
                // All members in one transaction, so a household is never left half settled.
                return check("settlement date", command(() -> {
                    for (SettlementDecision d : open) {
                        CommandResult<SettlementDecision> r = commands.settlementDecisions().registerSettlementDate(d.id(),
                                household.settlementDate(), null, officer(d.municipalityNumber()));
                        if (!r.isSuccess()) {
                            throw new CommandFailedException(r.failure());
                        }
                    }
                    return CommandResult.ok(open.size());
                })) && !open.isEmpty();
            }

            boolean goesOn() {
                return caseId != null && !lost;
            }

            boolean check(String what, CommandResult<?> result) {
                if (!result.isSuccess()) {
                    lost = true;
                    refused(what + " " + result.failure().messageKey());
                }
                return result.isSuccess();
            }
        }
    }

    private record Step(Instant at, int phase, Runnable action) {
    }

    /** One command in its own transaction, without waiting for the disk (as {@link DemoReplay#command}). */
    private <T> CommandResult<T> command(Supplier<CommandResult<T>> command) {
        return CommandResult.attempt(() -> inTransaction(command));
    }

    private <T> T inTransaction(Supplier<T> body) {
        return tx.execute(status -> {
            jdbc.sql("set local synchronous_commit = off").update();
            return body.get();
        });
    }
}
