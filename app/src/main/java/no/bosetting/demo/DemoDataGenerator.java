package no.bosetting.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import no.bosetting.cases.CaseStatus;
import no.bosetting.shared.ShiftableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a demo database: plans a year with {@link DemoPlanner}, then replays it through the real
 * commands ({@link DemoReplay}), each at its own moment via {@link ShiftableClock#runAt}. Does nothing when demo
 * data (any case with a {@value #REFERENCE_PREFIX} permit reference) is already there. Never exists in the
 * {@code prod} profile, so nothing there can seed demo households or demo accounts.
 */
@Service
@Profile("!prod")
public class DemoDataGenerator {

    static final String REFERENCE_PREFIX = "DEMO-";
    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final DemoCommands commands;
    private final HouseholdEdgesDemo householdEdges;
    private final HouseholdChangeDemo householdChanges;
    private final LifecycleDemo lifecycle;
    private final YearWhatIfDemo whatIf;
    private final AllocationReviewDemo allocationReview;
    @org.springframework.beans.factory.annotation.Autowired
    private RoundInputsDemo roundInputs; // issue 23 item 1: catalogues, ties, job offers and a together-group (h9-round)
    @org.springframework.beans.factory.annotation.Autowired
    private TwoStepDemo twoStep; // issue 18 item 5: a closing awaiting approval and one approved (h18-twostep)
    @org.springframework.beans.factory.annotation.Autowired
    private IntroductionDemo introduction; // issue 17 items 4-5: an earlier cohort's introduction register and the outcome model (h17-register)
    @org.springframework.beans.factory.annotation.Autowired
    private DemoNotifications demoNotifications; // issue 16 point 9: the centres' notifications about settled households read
    @org.springframework.beans.factory.annotation.Autowired
    private RefugeeThreadDemo refugeeThreads; // issue 16 point 2: households writing with IMDi from Min side
    @org.springframework.beans.factory.annotation.Autowired
    private HousingDemo housing; // issue 16 point 13: dwellings registered and reserved through the housing commands (h16-lists)
    @org.springframework.beans.factory.annotation.Autowired
    private ProtectionDemo protection; // issue 18 items 3 and 4: a concern report and a protected address (h18-protect)
    @org.springframework.beans.factory.annotation.Autowired
    private Crisis2022Replay crisis2022; // issue 18 item 2: the 2022 replay, when bosetting.demo-data.replay-2022=true (h18-crisis)
    @org.springframework.beans.factory.annotation.Autowired
    private GrantsDemo grants; // issue 17 items 1–3: demo rates before the replay, one payment run after it (h17-grants)
    @org.springframework.beans.factory.annotation.Autowired
    private HistoryDemo history; // issue 22 item 1: five earlier years shaped like 2021–2025, when history-years/national is on (h22-history)
    @org.springframework.beans.factory.annotation.Autowired
    private DemoSize size; // issue 22 item 1: the seeding time and the database's size at the end (h22-history)

    DemoDataGenerator(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager, DemoCommands commands,
                      HouseholdEdgesDemo householdEdges, HouseholdChangeDemo householdChanges, LifecycleDemo lifecycle,
                      YearWhatIfDemo whatIf, AllocationReviewDemo allocationReview) {
        this.householdEdges = householdEdges;
        this.householdChanges = householdChanges;
        this.lifecycle = lifecycle;
        this.whatIf = whatIf;
        this.allocationReview = allocationReview;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
        this.commands = commands;
    }

    /** The plan this generator would replay for a seed and size, ending at {@code now}. */
    public DemoPlan plan(long seed, int households, Instant now) {
        return DemoPlanner.plan(seed, households, now, commands.municipalities().all());
    }

    /**
     * Whether the demo was seeded (or is being seeded) here: a row in {@code demo_seeding}, which V53 also wrote for a demo
     * from before it. Not "any DEMO- case", which the 2022 replay's households are too.
     */
    public boolean alreadySeeded() {
        return jdbc.sql("select exists (select 1 from demo_seeding)").query(Boolean.class).single();
    }

    /** Seeds a year ending now unless demo data exists; returns what was created, or empty when it skipped. */
    public Optional<DemoSummary> generate(long seed, int households) {
        if (alreadySeeded()) {
            log.info("Demo data already present; nothing to do");
            return Optional.empty();
        }
        long started = System.nanoTime();
        DemoPlan plan = plan(seed, households, clock.instant());
        log.info("Demo data: planned {} households and {} events (seed {}) in {} ms",
                plan.households().size(), plan.events().size(), seed, (System.nanoTime() - started) / 1_000_000);
        return Optional.of(replay(plan, started));
    }

    /** Replays a plan unless demo data exists; returns what was created, or empty when it skipped. */
    public Optional<DemoSummary> generate(DemoPlan plan) {
        if (alreadySeeded()) {
            log.info("Demo data already present; nothing to do");
            return Optional.empty();
        }
        return Optional.of(replay(plan, System.nanoTime()));
    }

    private DemoSummary replay(DemoPlan plan, long started) {
        // Complete or nothing (issue 22 item 4): the row stays open until the last step, and a start that finds it open
        // empties the database and seeds again (DemoSeedingRecovery).
        long seeding = jdbc.sql("insert into demo_seeding (seed, households, started_at) values (:s, :h, :t) returning id")
                .param("s", plan.seed()).param("h", plan.households().size())
                .param("t", java.sql.Timestamp.from(clock.instant())).query(Long.class).single();
        log.info("Demo data: replaying {} events through the commands (first start only; progress every few seconds)",
                plan.events().size());
        DemoReplay replay = new DemoReplay(plan, commands, jdbc, tx, clock);
        grants.rates();
        history.runIfEnabled(plan.seed());
        replay.run(new DemoProgress(plan.events().size(), System::nanoTime, log::info));
        log.info("Demo data: household edges, round inputs, moves, life cycle, what-if and review");
        householdEdges.run(plan.seed());
        roundInputs.run(plan.seed());
        log.info("Demo data: {} secondary moves registered", DemoMoves.register(plan.seed(), commands, jdbc, replay.caseworker(), clock));
        lifecycle.run(referencePrefix(plan.seed()));
        whatIf.run();
        allocationReview.run();
        introduction.run(plan.seed());
        grants.paymentRun();
        DemoSummary summary = summary(plan, replay, Duration.ofNanos(System.nanoTime() - started));
        logSummary(summary, replay);
        householdChanges.run(referencePrefix(plan.seed()));
        twoStep.run(referencePrefix(plan.seed()));
        refugeeThreads.run(referencePrefix(plan.seed()));
        log.info("Demo data: {} reception-centre notifications about households already settled or closed marked read",
                demoNotifications.settleHistory());
        housing.run(referencePrefix(plan.seed()));
        protection.run(plan.seed());
        crisis2022.runIfEnabled(plan.seed());
        jdbc.sql("update demo_seeding set completed_at = :t, seconds = :sec where id = :id")
                .param("t", java.sql.Timestamp.from(clock.instant()))
                .param("sec", Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0).param("id", seeding).update();
        log.info("Demo data: complete");
        size.log(Duration.ofNanos(System.nanoTime() - started));
        return summary;
    }

    /**
     * Households, persons and cases per status created for one seed; {@code refusals} counts commands
     * the application refused, {@code householdsLeftBehind} the households whose flow stopped there.
     */
    public record DemoSummary(long seed, int households, long persons, Map<CaseStatus, Long> statuses, int events,
                              int refusals, int householdsLeftBehind, Duration duration) {
    }

    private DemoSummary summary(DemoPlan plan, DemoReplay replay, Duration duration) {
        Map<CaseStatus, Long> statuses = new EnumMap<>(CaseStatus.class);
        long[] persons = new long[1];
        long[] households = new long[1];
        jdbc.sql("select status, count(*), sum(persons) from settlement_case where permit_reference like :p group by status")
                .param("p", referencePrefix(plan.seed()) + "%")
                .query((rs, n) -> {
                    statuses.put(CaseStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    households[0] += rs.getLong(2);
                    persons[0] += rs.getLong(3);
                    return null;
                }).list();
        return new DemoSummary(plan.seed(), (int) households[0], persons[0], statuses, plan.events().size(), replay.refusals(),
                replay.householdsLeftBehind(), duration);
    }

    static String referencePrefix(long seed) {
        return REFERENCE_PREFIX + seed + "-";
    }

    private void logSummary(DemoSummary s, DemoReplay replay) {
        log.info("Demo data seeded in {} s: {} households, {} persons, {} events replayed, {} refused, {} households left behind",
                String.format("%.1f", s.duration().toMillis() / 1000.0), s.households(), s.persons(), s.events(), s.refusals(),
                s.householdsLeftBehind());
        log.info("Demo cases per status: {}", s.statuses());
        if (!replay.refusalsByEvent().isEmpty()) {
            log.info("Demo refusals by event: {}", replay.refusalsByEvent());
        }
        if (!replay.fallbacks().isEmpty()) {
            // The plan forecasts the places; the application counts them. Where it found no room, the demo went on as the
            // agency would.
            log.info("Demo households that went another way, the application finding no room where the plan expected it: {}",
                    replay.fallbacks());
        }
        logExamples();
        StringBuilder logins = new StringBuilder("Demo logins (password \"" + DemoCatalogue.PASSWORD + "\"):");
        for (DemoCatalogue.Login l : DemoCatalogue.LOGINS) {
            String scope = l.municipalityNumber() != null
                    ? l.municipalityNumber() + " " + commands.municipalities().name(l.municipalityNumber())
                    : l.centreShortName() != null ? l.displayName() : "nasjonalt";
            logins.append(String.format("%n  %-20s %-20s %s", l.username(), l.role(), scope));
        }
        log.info(logins.toString());
    }

    /**
     * A few DUF numbers (sign in at /min-side/logg-inn) and cases that show self-settlement, applications and
     * reconsiderations, since which households they are depends on the day the demo was seeded.
     */
    private void logExamples() {
        StringBuilder b = new StringBuilder("Demo examples around the case (DUF number of the main person):");
        example(b, "self-settlement request waiting for the agency (/selvbosetting)", """
                select p.duf_number || ' (' || r.municipality_number || ')' from self_settlement_request r
                join person p on p.case_id = r.case_id and p.relation = 'MAIN'
                where r.status = 'FORWARDED' order by r.forwarded_at, r.id limit 3""");
        example(b, "self-settlement request being checked (/kommune/selvbosetting)", """
                select p.duf_number || ' (' || r.municipality_number || ')' from self_settlement_request r
                join person p on p.case_id = r.case_id and p.relation = 'MAIN'
                where r.status in ('REQUESTED', 'UNDER_MUNICIPAL_CHECK') order by r.id limit 3""");
        example(b, "opt-in window open (/min-side/selvbosetting)", """
                select p.duf_number from self_settlement_window w join person p on p.case_id = w.case_id and p.relation = 'MAIN'
                where w.closed_at is null order by w.id limit 3""");
        example(b, "application waiting (/soknader, /min-side/soknad)", """
                select duf_number from settlement_application where status = 'SUBMITTED' order by submitted_at, id limit 3""");
        example(b, "application handled", """
                select duf_number || ' ' || status from settlement_application where status in ('ACCEPTED', 'REFUSED')
                order by handled_at desc, id limit 3""");
        example(b, "reconsideration (/saker/{id}/omgjoring, /omgjoringer): case id", """
                select case_id || ' ' || status from reconsideration order by id limit 4""");
        log.info(b.toString());
    }

    private void example(StringBuilder b, String what, String sql) {
        b.append(String.format("%n  %-70s %s", what, String.join(", ", jdbc.sql(sql).query(String.class).list())));
    }
}
