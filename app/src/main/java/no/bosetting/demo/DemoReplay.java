package no.bosetting.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import no.bosetting.access.Actor;
import no.bosetting.planning.CapacityDecision;
import no.bosetting.planning.DecisionInput;
import no.bosetting.access.Role;
import no.bosetting.cases.ConsequenceInformed;
import no.bosetting.cases.InformationChannel;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.shared.TimeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One replay of a plan: issues each event's command at the event's moment ({@link ShiftableClock#runAt})
 * through the handler for its module ({@link DemoPlan.Event#replay}), keeps the plan's indexes mapped to
 * database ids, and counts what the application refused. Every rule is the application's own: the replay
 * only calls its commands and reads.
 */
final class DemoReplay {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
    private static final int DETAILED_FAILURE_LOGS = 20;

    final DemoPlan plan;
    final DemoCommands commands;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<Long> centreIds = new ArrayList<>();
    private final Map<String, Actor> logins = new HashMap<>();
    private final Map<Integer, Long> caseIds = new HashMap<>();
    private final Set<Integer> leftBehind = new HashSet<>();
    private final Map<String, Integer> failureCounts = new TreeMap<>();
    private int failures;
    /** Where a household's offer is when it is not where the plan put it: another municipality took it. */
    private final Map<Integer, String> offeredElsewhere = new HashMap<>();
    /** Households whose planned offer did not come about: their planned settlement is not registered. */
    private final Set<Integer> withoutOffer = new HashSet<>();
    private final Map<String, Integer> fallbacks = new TreeMap<>();
    private final Actor caseworker;
    private final Actor planner;
    private final Actor administrator;
    private final CaseReplay cases;
    private final SelfSettlementReplay selfSettlement;
    private final ApplicationReplay applications;
    private final MessageReplay messages;
    private final ReconsiderationReplay reconsiderations;

    DemoReplay(DemoPlan plan, DemoCommands commands, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.plan = plan;
        this.commands = commands;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        for (DemoPlan.Centre c : plan.centres()) {
            centreIds.add(commands.centres().create(c.name(), c.kind(), c.municipalityNumber()));
        }
        for (DemoCatalogue.Login l : DemoCatalogue.LOGINS) {
            Long centreId = null;
            if (l.centreShortName() != null) {
                for (int i = 0; i < plan.centres().size(); i++) {
                    if (plan.centres().get(i).shortName().equals(l.centreShortName())) {
                        centreId = centreIds.get(i);
                    }
                }
            }
            logins.put(l.username(), new Actor(l.username(), l.displayName(), l.role(), l.municipalityNumber(), centreId));
        }
        // Users first, so the replayed commands notify real accounts. Hashing a password is deliberately
        // slow, so the accounts are made side by side and existing ones are left alone.
        logins.values().parallelStream().filter(a -> commands.users().findActor(a.username()).isEmpty())
                .forEach(a -> commands.users().createIfMissing(a, DemoCatalogue.PASSWORD, null));
        this.caseworker = logins.get("saksbehandler");
        this.planner = logins.get("planlegger");
        this.administrator = logins.get("admin");
        this.cases = new CaseReplay(this);
        this.selfSettlement = new SelfSettlementReplay(this);
        this.applications = new ApplicationReplay(this);
        this.messages = new MessageReplay(this);
        this.reconsiderations = new ReconsiderationReplay(this);
    }

    void run() {
        run(DemoProgress.SILENT);
    }

    void run(DemoProgress progress) {
        issueRequests();
        LocalDate lastDay = null;
        for (DemoPlan.Event event : plan.events()) {
            progress.step();
            LocalDate day = event.at().atZone(TimeConfig.OSLO).toLocalDate();
            if (lastDay != null && day.isAfter(lastDay)) {
                // The daily job that closes opt-in windows past their last day, as it would have run that day.
                ShiftableClock.runAt(event.at(), () -> commands.selfSettlementWindows().closeExpired());
                // The daily run that ends the right of private residents who did not apply within six months.
                ShiftableClock.runAt(event.at(), () -> commands.applicationRights().endLapsed());
            }
            lastDay = day;
            if (skipped(event)) {
                continue;
            }
            ShiftableClock.runAt(event.at(), () -> {
                try {
                    event.replay(this);
                } catch (RuntimeException e) {
                    // A broken event must not stop the demo: a case step leaves its household where it is.
                    refused(event, e.toString());
                    if (event instanceof DemoPlan.CaseStep step) {
                        leftBehind.add(step.household());
                    }
                }
            });
        }
    }

    /** A household left behind takes no further steps, and nothing happens around a case that does not go on. */
    private boolean skipped(DemoPlan.Event event) {
        if (event instanceof DemoPlan.CaseStep step) {
            return leftBehind.contains(step.household());
        }
        if (event instanceof DemoPlan.AboutCase about) {
            return !caseGoesOn(about.household());
        }
        return false;
    }

    /**
     * The agency's requests come before the councils decide: for every year the plan records decisions
     * in, the national need is the sum of those decisions and the requests are computed from it a month
     * before the first decision, so "requested vs decided" is meaningful in the demo.
     */
    private void issueRequests() {
        TreeMap<Integer, List<DemoPlan.RecordCapacity>> byYear = new TreeMap<>();
        for (DemoPlan.Event e : plan.events()) {
            if (e instanceof DemoPlan.RecordCapacity c && c.forYear()) {
                byYear.computeIfAbsent(c.year(), y -> new ArrayList<>()).add(c);
            }
        }
        int planningYear = byYear.isEmpty() ? 0 : byYear.lastKey();
        byYear.forEach((year, decisions) -> {
            int need = decisions.stream().mapToInt(DemoPlan.RecordCapacity::persons).sum();
            Instant first = decisions.stream().map(DemoPlan.RecordCapacity::at).min(Comparator.naturalOrder())
                    .orElseThrow().minus(Duration.ofDays(30));
            if (year == planningYear) { // the year being planned: a versioned need and a mid-year revision
                PlanRevisionReplay.replay(commands, planner, clock, year, need, first, failureCounts);
                return;
            }
            if (commands.nationalPlan().need(year).isPresent()) {
                return; // last year planned already, by the demo's history (HistoryDemo)
            }
            ShiftableClock.runAt(first, () -> {
                LocalDate today = LocalDate.now(clock);
                CommandResult<Void> saved = commands.capacityRequests().saveNeed(planner, year, need, today, Map.of());
                if (saved.isSuccess()) {
                    CommandResult<Integer> issued = commands.capacityRequests().issue(planner, year, today,
                            "Anmodning om bosetting i " + year);
                    if (!issued.isSuccess()) {
                        failureCounts.merge("request " + issued.failure().messageKey(), 1, Integer::sum);
                    }
                } else {
                    failureCounts.merge("need " + saved.failure().messageKey(), 1, Integer::sum);
                }
            });
        });
    }

    void recordCapacity(DemoPlan.RecordCapacity c) {
        Actor actor = officerLogin(c.municipalityNumber()).orElse(planner);
        if (c.forYear()) {
            // Last year may have its decision already, from the demo's history (HistoryDemo): the places this year's plan
            // forecasts for last year come on top of it, so neither the history's nor the plan's households lose theirs.
            Optional<CapacityDecision> earlier = c.year() < DemoTime.date(plan.now()).getYear()
                    ? commands.capacityDecisions().find(c.municipalityNumber(), c.year()) : Optional.empty();
            int persons = c.persons() + earlier.map(CapacityDecision::persons).orElse(0);
            int minors = c.unaccompaniedMinors() + earlier.map(CapacityDecision::unaccompaniedMinors).orElse(0);
            check(c, command(() -> commands.capacityDecisions().record(actor, c.municipalityNumber(), c.year(), persons,
                    minors, c.decidedOn())));
            return;
        }
        check(c, command(() -> commands.capacityDecisions().decide(actor, c.municipalityNumber(), new DecisionInput(
                CapacityDecision.Kind.valueOf(c.kind()), c.year(), c.untilYear() == null ? c.year() : c.untilYear(), c.persons(),
                c.maxPersons(), c.unaccompaniedMinors(), c.decidedOn(), false,
                "Kommunestyret vedtok " + (c.untilYear() != null ? "et samlet tall for perioden" : "et spenn per år"),
                null))));
    }

    // ---------------------------------------------------------------- the handlers, one per module

    CaseReplay cases() {
        return cases;
    }

    SelfSettlementReplay selfSettlement() {
        return selfSettlement;
    }

    ApplicationReplay applications() {
        return applications;
    }

    MessageReplay messages() {
        return messages;
    }

    ReconsiderationReplay reconsiderations() {
        return reconsiderations;
    }

    // ---------------------------------------------------------------- households and cases

    DemoPlan.Household household(int household) {
        return plan.households().get(household);
    }

    DemoPlan.Person mainPerson(int household) {
        return household(household).persons().get(0);
    }

    void imported(int household, long caseId) {
        caseIds.put(household, caseId);
    }

    long caseId(int household) {
        Long id = caseIds.get(household);
        if (id == null) {
            throw new IllegalStateException("Household " + household + " was never imported");
        }
        return id;
    }

    /** Whether the household's case exists and has not been left behind. */
    boolean caseGoesOn(int household) {
        return caseIds.containsKey(household) && !leftBehind.contains(household);
    }

    /** The municipality that offered the household a place: the planned one, or the one that took it instead. */
    String offeringMunicipality(int household, String planned) {
        return offeredElsewhere.getOrDefault(household, planned);
    }

    /** Another municipality than the planned one accepted the household, after the planned one had no room. */
    void offeredElsewhere(int household, String municipalityNumber) {
        offeredElsewhere(household, municipalityNumber, "proposed elsewhere, the planned municipality having no room");
    }

    void offeredElsewhere(int household, String municipalityNumber, String why) {
        offeredElsewhere.put(household, municipalityNumber);
        fallbacks.merge(why, 1, Integer::sum);
    }

    /** The household's planned offer did not come about, for the reason given; it waits for allocation instead. */
    void withoutOffer(int household, String why) {
        withoutOffer.add(household);
        fallbacks.merge(why, 1, Integer::sum);
    }

    boolean hasNoOffer(int household) {
        return withoutOffer.contains(household);
    }

    Long centreId(int centre) {
        return centreIds.get(centre);
    }

    // ---------------------------------------------------------------- who acts

    Actor caseworker() {
        return caseworker;
    }

    Actor administrator() {
        return administrator;
    }

    Optional<Actor> officerLogin(String municipalityNumber) {
        return logins.values().stream().filter(a -> a.isMunicipality(municipalityNumber))
                .min(Comparator.comparing(Actor::username));
    }

    /** The demo login for the municipality, or a named officer without a login for the rest. */
    Actor officer(String municipalityNumber) {
        return officerLogin(municipalityNumber).orElseGet(() -> new Actor("kommune-" + municipalityNumber,
                commands.municipalities().name(municipalityNumber) + " kommune", Role.MUNICIPALITY_OFFICER, municipalityNumber,
                null));
    }

    Actor staff(int centre) {
        DemoPlan.Centre c = plan.centres().get(centre);
        if (c.staffUsername() != null) {
            return logins.get(c.staffUsername());
        }
        return new Actor("mottak-" + c.shortName(), c.name(), Role.RECEPTION_STAFF, null, centreIds.get(centre));
    }

    Actor refugee(int household) {
        DemoPlan.Person p = mainPerson(household);
        return Actor.refugee(p.dufNumber(), p.givenName() + " " + p.familyName());
    }

    /** The demo documents how the person was informed on the day of the event, in the household's language. */
    ConsequenceInformed informed(Instant at, int household, InformationChannel channel) {
        String language = DemoCatalogue.interpreterLanguage(mainPerson(household).citizenship());
        return new ConsequenceInformed(true, LocalDate.ofInstant(at, clock.getZone()), channel,
                language.substring(0, 1).toUpperCase(Locale.ROOT) + language.substring(1), "Tolk 4711");
    }

    LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, clock.getZone());
    }

    // ---------------------------------------------------------------- what was refused

    void check(DemoPlan.Event event, CommandResult<?> result) {
        if (!result.isSuccess()) {
            refused(event, describe(result.failure()));
        }
    }

    /** A refused step of the household's own case leaves it where it is. */
    void caseCheck(DemoPlan.Event event, int household, CommandResult<?> result) {
        if (!result.isSuccess()) {
            lost(event, household, describe(result.failure()));
        }
    }

    void lost(DemoPlan.Event event, int household, String why) {
        refused(event, why);
        leaveBehind(household);
    }

    /** The household takes no further steps of its own case. */
    void leaveBehind(int household) {
        leftBehind.add(household);
    }

    void refused(DemoPlan.Event event, String why) {
        failures++;
        failureCounts.merge(event.getClass().getSimpleName(), 1, Integer::sum);
        if (failures <= DETAILED_FAILURE_LOGS) {
            log.warn("Demo event refused ({}): {}", why, event);
        }
    }

    int refusals() {
        return failures;
    }

    int householdsLeftBehind() {
        return leftBehind.size();
    }

    Map<String, Integer> refusalsByEvent() {
        return failureCounts;
    }

    /** What the replay did where the application found no room for a planned step: how many households went each other way. */
    Map<String, Integer> fallbacks() {
        return fallbacks;
    }

    static String describe(CommandFailure failure) {
        return failure.getClass().getSimpleName() + " " + failure.messageKey() + " " + failure.args();
    }

    // ---------------------------------------------------------------- transactions

    /**
     * Runs one command in its own transaction, as it would run on its own, but without waiting for
     * the commit to reach the disk: a demo year is some ten thousand commits, waiting for each would
     * dominate the start-up, and a crash in the middle of seeding leaves an incomplete demo either way.
     */
    <T> CommandResult<T> command(Supplier<CommandResult<T>> command) {
        return CommandResult.attempt(() -> inTransaction(command));
    }

    <T> T inTransaction(Supplier<T> body) {
        return tx.execute(status -> {
            jdbc.sql("set local synchronous_commit = off").update();
            return body.get();
        });
    }
}
