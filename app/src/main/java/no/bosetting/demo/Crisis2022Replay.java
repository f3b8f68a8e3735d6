package no.bosetting.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.crisis.CrisisModes;
import no.bosetting.crisis.CrisisNotifications;
import no.bosetting.crisis.CrisisSettings;
import no.bosetting.crisis.FastTrackApplications;
import no.bosetting.crisis.NotificationCommand;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.statistics.CrisisFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The 2022 replay (issue 18 item 2), an option of the demo data ({@code bosetting.demo-data.replay-2022=true}): a mass
 * arrival as in 2022 (report 000 lines 685–700, 2514–2600, 8985–8995, 9150–9160), replayed through the real commands at
 * their own moments over the last {@value #DAYS} days. The agency switches crisis mode on with a temporary scheme (MAMOT
 * as the model); the request is revised as on 18 March 2022 (about 5,500 → 35,000: ×{@value #REVISION_FACTOR}, through
 * {@code PlanRevision}); a surge of households with collective protection arrives, most living privately or under the
 * temporary scheme in a municipality; those under the scheme have the short interview; municipalities notify the agency
 * of named refugees they want to settle; refugees and municipalities sign joint fast-track applications, which the
 * agency accepts through the one place rule. Prints its figures at the end.
 */
@Component
@Profile("!prod")
public class Crisis2022Replay {

    static final int DAYS = 45;
    static final double REVISION_FACTOR = 35_000.0 / 5_500.0;
    /** A demo value of the scheme's monthly grant per person (kroner), not a figure from the reports. */
    static final int DEMO_SCHEME_GRANT = 10_000;
    /** The municipalities with a demo login: the surge lives there, so the logins see the notifications and applications. */
    static final List<String> DEMO_MUNICIPALITIES = List.of("0301", "4601", "5501", "3205", "1804", "5025", "5634");
    private static final Logger log = LoggerFactory.getLogger(Crisis2022Replay.class);

    private final DemoCommands commands;
    private final CrisisModes modes;
    private final CrisisNotifications notifications;
    private final FastTrackApplications fastTrack;
    private final CrisisFigures figures;
    private final UserAccounts users;
    private final Clock clock;
    private final boolean enabled;
    private final int households;

    Crisis2022Replay(DemoCommands commands, CrisisModes modes, CrisisNotifications notifications, FastTrackApplications fastTrack,
                     CrisisFigures figures, UserAccounts users, Clock clock,
                     @Value("${bosetting.demo-data.replay-2022:false}") boolean enabled,
                     @Value("${bosetting.demo-data.replay-2022.households:600}") int households) {
        this.commands = commands;
        this.modes = modes;
        this.notifications = notifications;
        this.fastTrack = fastTrack;
        this.figures = figures;
        this.users = users;
        this.clock = clock;
        this.enabled = enabled;
        this.households = households;
    }

    /** What the replay did, in the order it prints them. */
    public record Figures(Map<String, Long> counts, Optional<CrisisFigures.Figures> national) {

        public long get(String key) {
            return counts.getOrDefault(key, 0L);
        }
    }

    /** The demo's hook: runs when the option is on. */
    void runIfEnabled(long seed) {
        if (enabled) {
            run(seed, households, DEMO_MUNICIPALITIES, LocalDate.now(clock).getYear());
        }
    }

    /**
     * Replays the crisis for {@code size} households living in {@code municipalities}, revising the request of {@code year};
     * a refusal is counted and logged, never thrown.
     */
    public Figures run(long seed, int size, List<String> municipalities, int year) {
        Random random = new Random(seed);
        Map<String, Long> counts = new LinkedHashMap<>();
        Instant now = clock.instant();
        Instant start = now.minus(Duration.ofDays(DAYS));
        Actor planner = users.findActor("planlegger").orElse(new Actor("planlegger", "Planlegger", Role.AGENCY_PLANNER, null, null));
        Actor caseworker = users.findActor("saksbehandler").orElse(new Actor("saksbehandler", "Saksbehandler", Role.AGENCY_CASEWORKER, null, null));

        // Day 0: crisis mode on, with the temporary scheme (as MAMOT from 16 March 2022).
        at(start, counts, "crisis mode switched on", () -> modes.switchOn(planner, new CrisisSettings(LocalDate.now(clock), null,
                "Masseflukt: høye ankomster av fordrevne med kollektiv beskyttelse (gjenspill av 2022)", "MAMOT (gjenspill)",
                LocalDate.now(clock), null, DEMO_SCHEME_GRANT, null)));
        // Day 2: the request revised, as on 18 March 2022 (report 001 lines 517–523).
        revise(planner, year, start.plus(Duration.ofDays(2)), counts);

        // The surge: households arrive over the first 40 days; most live privately or under the temporary scheme.
        String prefix = DemoDataGenerator.REFERENCE_PREFIX + "2022-" + seed + "-";
        List<long[]> schemeCases = new ArrayList<>(); // case id, arrival day, municipality index
        for (int i = 0; i < size; i++) {
            int day = 3 + (int) ((long) i * 37 / Math.max(1, size));
            int m = random.nextInt(municipalities.size());
            double draw = random.nextDouble();
            LivingSituation living = draw < 0.5 ? LivingSituation.TEMPORARY_SCHEME : draw < 0.85 ? LivingSituation.PRIVATE
                    : LivingSituation.SELF_ESTABLISHED;
            if (living == LivingSituation.SELF_ESTABLISHED) {
                living = LivingSituation.PRIVATE; // self-established never enters the flow: the rest live privately
            }
            LivingSituation kind = living;
            String reference = prefix + i;
            String municipality = municipalities.get(m);
            int persons = 1 + random.nextInt(4);
            long base = 700_000_000_000L + Math.floorMod(seed, 100_000L) * 1_000_000L + (long) i * 10;
            Long caseId = at(start.plus(Duration.ofDays(day)).plus(Duration.ofHours(9 + i % 8)), counts,
                    kind == LivingSituation.TEMPORARY_SCHEME ? "households under the temporary scheme" : "households living privately",
                    () -> importPermit(reference, kind, municipality, persons, base, caseworker, random));
            if (caseId != null) {
                counts.merge("persons arrived", (long) persons, Long::sum);
                if (kind == LivingSituation.TEMPORARY_SCHEME) {
                    schemeCases.add(new long[] {caseId, day, m});
                }
            }
        }

        for (long[] c : schemeCases) {
            long caseId = c[0];
            int day = (int) c[1];
            String municipality = municipalities.get((int) c[2]);
            Instant interviewed = start.plus(Duration.ofDays(day + 2)).plus(Duration.ofHours(10));
            if (interviewed.isAfter(now)) {
                continue;
            }
            Boolean ready = at(interviewed, counts, "short interviews", () -> commands.interviews().record(caseId, answers(), caseworker)
                    .map(i -> true));
            double draw = random.nextDouble();
            Actor officer = officer(municipality);
            String duf = mainDuf(caseId);
            // However small the replay and whatever the seed, both situations appear: the first household that can
            // be named is told of, and the first ready one after it goes down the fast track (a seed whose draws
            // missed either left the demo without it — 0.8^13 for 13 households under the scheme).
            boolean noneNotified = !counts.containsKey("notifications sent");
            boolean noneFastTracked = !counts.containsKey("fast-track applications started");
            if (duf != null && (draw < 0.2 || noneNotified)) {
                // The municipality tells the agency of a named refugee it wants to settle; the agency takes half up.
                Long notification = at(start.plus(Duration.ofDays(day + 3)).plus(Duration.ofHours(11)), counts, "notifications sent",
                        () -> notifications.send(officer, duf, null, "Bor hos vertsfamilie i kommunen, barna går på skole her; vi ønsker å bosette familien."));
                if (notification != null && random.nextBoolean()) {
                    at(start.plus(Duration.ofDays(day + 5)).plus(Duration.ofHours(9)), counts, "notifications taken up",
                            () -> notifications.handle(caseworker, notification, NotificationCommand.TAKE_UP, "Følges opp mot kommunen"));
                }
            } else if ((draw < 0.55 || noneFastTracked) && duf != null && Boolean.TRUE.equals(ready)) {
                fastTrack(start, now, day, caseId, duf, municipality, officer, caseworker, counts);
            }
        }
        Figures result = new Figures(counts, figures.today());
        print(result);
        return result;
    }

    private void fastTrack(Instant start, Instant now, int day, long caseId, String duf, String municipality, Actor officer,
                           Actor caseworker, Map<String, Long> counts) {
        Actor refugee = Actor.refugee(duf, "Flyktning");
        Instant started = start.plus(Duration.ofDays(day + 3)).plus(Duration.ofHours(18));
        // Only applications whose whole course (started, signed, decided) lies before now: a replay that ended with some
        // half-way depended on which households the draw sent down the fast track last.
        if (start.plus(Duration.ofDays(day + 8)).plus(Duration.ofHours(13)).isAfter(now)) {
            return;
        }
        Long id = at(started, counts, "fast-track applications started", () -> fastTrack.start(refugee, municipality,
                "Jeg bor i kommunen og kommunen vil bosette oss."));
        Instant signed = start.plus(Duration.ofDays(day + 6)).plus(Duration.ofHours(10));
        if (id == null || signed.isAfter(now)) {
            return;
        }
        LocalDate planned = LocalDate.ofInstant(signed, clock.getZone()).plusDays(21);
        if (at(signed, counts, "fast-track applications signed by the municipality", () -> fastTrack.coSign(officer, id, planned)) == null) {
            return;
        }
        Instant decided = start.plus(Duration.ofDays(day + 8)).plus(Duration.ofHours(13));
        if (!decided.isAfter(now)) {
            if (at(decided, counts, "fast-track applications accepted", () -> fastTrack.accept(caseworker, id, null)) == null) {
                counts.merge("fast-track applications left signed (beyond the decided number)", 1L, Long::sum);
            } else if (planned.isBefore(LocalDate.ofInstant(now, clock.getZone()))) {
                // Settled on the planned day: the municipality registers the date for every member.
                for (var d : commands.settlementDecisions().forCase(caseId)) {
                    at(planned.atTime(12, 0).atZone(clock.getZone()).toInstant(), counts, "persons settled after a fast track",
                            () -> commands.settlementDecisions().registerSettlementDate(d.id(), planned, null, officer));
                }
            }
        }
    }

    private void revise(Actor planner, int year, Instant when, Map<String, Long> counts) {
        ShiftableClock.runAt(when, () -> {
            LocalDate today = LocalDate.now(clock);
            if (commands.nationalPlan().need(year).isEmpty()) {
                // No plan yet for the year: the original request first, as the demo's own year does.
                count(counts, "original request", commands.capacityRequests().saveNeed(planner, year, 5_500, today, Map.of()));
                count(counts, "original request", commands.capacityRequests().issue(planner, year, today, "Anmodning om bosetting i " + year));
            }
            int before = commands.nationalPlan().need(year).map(n -> n.persons()).orElse(0);
            int after = (int) Math.round(Math.max(before, 1) * REVISION_FACTOR);
            CommandResult<Integer> revised = commands.planRevision().revise(planner, year, after, today,
                    "Masseflukt: revidert anmodning som 18. mars 2022 (om lag 5 500 → 35 000)");
            if (revised.isSuccess()) {
                counts.put("national need before the revision", (long) before);
                counts.put("national need after the revision", (long) after);
            } else {
                counts.merge("refused: revision " + revised.failure().messageKey(), 1L, Long::sum);
            }
        });
    }

    private Long importPermit(String reference, LivingSituation living, String municipality, int persons, long base, Actor caseworker,
                              Random random) {
        List<PermitImportRequest.PersonData> people = new ArrayList<>();
        String family = DemoCatalogue.UKRAINIAN_FAMILY_NAMES.get(random.nextInt(DemoCatalogue.UKRAINIAN_FAMILY_NAMES.size()));
        List<String> women = DemoCatalogue.FEMALE_NAMES.get("UKR");
        LocalDate today = LocalDate.now(clock);
        people.add(new PermitImportRequest.PersonData(String.format("%012d", base), null, null, women.get(random.nextInt(women.size())),
                family, today.minusYears(28 + random.nextInt(25)), "F", "UKR", Relation.MAIN, null, null));
        for (int k = 1; k < persons; k++) {
            people.add(new PermitImportRequest.PersonData(String.format("%012d", base + k), null, null,
                    women.get(random.nextInt(women.size())), family, today.minusYears(2 + random.nextInt(14)), k % 2 == 0 ? "M" : "F",
                    "UKR", Relation.CHILD, null, null));
        }
        ImportOutcome outcome = commands.permitImport().importPermit(new PermitImportRequest(reference, PermitType.COLLECTIVE_PROTECTION,
                today, living, null, municipality, people), caseworker);
        if (!outcome.ok()) {
            throw new IllegalStateException(outcome.problems().toString());
        }
        return outcome.caseId();
    }

    private InterviewAnswers answers() {
        return new InterviewAnswers(LocalDate.now(clock), "ukrainsk", null, null, "Vertsfamilie i kommunen", null, false, null, null,
                null, null, null, null, null, null);
    }

    private Actor officer(String municipality) {
        return DemoCatalogue.LOGINS.stream().filter(l -> municipality.equals(l.municipalityNumber()))
                .findFirst().flatMap(l -> users.findActor(l.username()))
                .orElse(new Actor("kommune-" + municipality, "Kommune " + municipality, Role.MUNICIPALITY_OFFICER, municipality, null));
    }

    private String mainDuf(long caseId) {
        return commands.caseQueries().members(caseId).stream().filter(p -> p.relation() == Relation.MAIN)
                .map(p -> p.dufNumber()).findFirst().orElse(null);
    }

    /** Runs a command at {@code when}; success counts under {@code what}, a refusal under its message key. */
    private <T> T at(Instant when, Map<String, Long> counts, String what, Supplier<CommandResult<T>> command) {
        Object[] value = new Object[1];
        ShiftableClock.runAt(when, () -> {
            try {
                CommandResult<T> result = CommandResult.attempt(command);
                if (result.isSuccess()) {
                    counts.merge(what, 1L, Long::sum);
                    value[0] = result.value();
                } else {
                    counts.merge("refused: " + what + " " + result.failure().messageKey(), 1L, Long::sum);
                }
            } catch (CommandFailedException | IllegalStateException e) {
                counts.merge("refused: " + what, 1L, Long::sum);
                log.debug("2022 replay: {} refused: {}", what, e.getMessage());
            }
        });
        @SuppressWarnings("unchecked")
        T t = (T) value[0];
        return t;
    }

    private Long at(Instant when, Map<String, Long> counts, String what, java.util.concurrent.Callable<Long> command) {
        return at(when, counts, what, () -> {
            try {
                return CommandResult.ok(command.call());
            } catch (IllegalStateException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void count(Map<String, Long> counts, String what, CommandResult<?> result) {
        if (!result.isSuccess()) {
            counts.merge("refused: " + what + " " + result.failure().messageKey(), 1L, Long::sum);
        }
    }

    private void print(Figures f) {
        StringBuilder b = new StringBuilder("2022 replay (crisis mode, issue 18): what the replay did");
        f.counts().forEach((k, v) -> b.append(String.format("%n  %-70s %,d", k, v)));
        f.national().ifPresent(n -> b.append(String.format(
                "%n  National figures at %s (crisis mode since %s): waiting %,d persons, under the temporary scheme %,d persons,"
                        + " settled since the start %,d persons, fast-track applications accepted %,d",
                n.at(), n.crisisSince(), n.waitingPersons(), n.underSchemePersons(), n.settledSinceStart(), n.fastTrackSinceStart())));
        b.append("%n  See /krise, /krise/hurtigspor, /krise/innmeldinger (saksbehandler), /kommune/hurtigspor (kommune-oslo),"
                .formatted() + " /offentlig/statistikk");
        log.info(b.toString());
    }
}
