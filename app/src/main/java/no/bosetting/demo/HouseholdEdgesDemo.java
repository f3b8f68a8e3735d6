package no.bosetting.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.MinorsComingOfAge;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.shared.ShiftableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Households at the edges of the household rules (issue 20 items 2 and 6), through the real commands after the year's
 * replay: a family of three adults with a child (a family whatever the number of adults), an unaccompanied minor with
 * an accompanying adult from the permit, and an unaccompanied minor who turned 18 after the permit, marked by the daily
 * rule. Health information is recorded only for the members who consented. Permit references {@code DEMO-E<seed>-…}.
 */
@Component
@Profile("!prod")
class HouseholdEdgesDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final PermitImport permitImport;
    private final Interviews interviews;
    private final CaseQueries cases;
    private final MinorsComingOfAge comingOfAge;
    private final UserAccounts users;
    private final Clock clock;

    HouseholdEdgesDemo(PermitImport permitImport, Interviews interviews, CaseQueries cases, MinorsComingOfAge comingOfAge,
                       UserAccounts users, Clock clock) {
        this.permitImport = permitImport;
        this.interviews = interviews;
        this.cases = cases;
        this.comingOfAge = comingOfAge;
        this.users = users;
        this.clock = clock;
    }

    void run(long seed) {
        Optional<Actor> caseworker = users.findEnabledActor("saksbehandler");
        // The households live in the centre of the demo's reception login, so its staff see them.
        Optional<Long> centre = users.findEnabledActor("mottak-hamar").map(Actor::receptionCentreId);
        if (caseworker.isEmpty() || centre.isEmpty()) {
            log.info("Demo household edges skipped: no demo caseworker or centre");
            return;
        }
        Actor agency = caseworker.get();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        String prefix = "DEMO-E" + seed + "-";
        java.util.concurrent.atomic.AtomicLong duf = new java.util.concurrent.atomic.AtomicLong(98_000_000L + Math.floorMod(seed, 1000L) * 100);

        // A family of three adults (parents and a grandmother) and a child: a family, with the 3-month target.
        LocalDate familyPermit = today.minusDays(40);
        long family = at(now.minus(Duration.ofDays(39)), () -> importPermit(agency, prefix + "1", familyPermit,
                centre.get(), List.of(
                        person(familyPermit, duf.getAndIncrement(), "Oksana", "Testenko", LocalDate.of(1986, 5, 14), "F", Relation.MAIN),
                        person(familyPermit, duf.getAndIncrement(), "Andrii", "Testenko", LocalDate.of(1984, 9, 2), "M", Relation.SPOUSE),
                        person(familyPermit, duf.getAndIncrement(), "Halyna", "Testenko", LocalDate.of(1958, 1, 23), "F", Relation.OTHER),
                        person(familyPermit, duf.getAndIncrement(), "Sofiia", "Testenko", LocalDate.of(2017, 3, 8), "F", Relation.CHILD))));
        // Only the grandmother consented to health information; the practical need is for every municipality to see.
        List<Long> members = cases.personIds(family);
        ShiftableClock.runAt(now.minus(Duration.ofDays(30)), () -> interviews.record(family,
                answers(today.minusDays(30), "Trenger bolig uten trapper", "Høyt blodtrykk, jevnlig oppfølging hos fastlege", null),
                Set.of(members.get(2)), today.minusDays(30), agency).value());

        // An unaccompanied minor of 16 who came with her grandmother (følgeperson): still an unaccompanied minor.
        LocalDate minorPermit = today.minusDays(25);
        long minor = at(now.minus(Duration.ofDays(24)), () -> importPermit(agency, prefix + "2", minorPermit,
                centre.get(), List.of(
                        person(minorPermit, duf.getAndIncrement(), "Daryna", "Prøvenko", today.minusYears(16).minusDays(100), "F", Relation.MAIN),
                        person(minorPermit, duf.getAndIncrement(), "Nadiia", "Prøvenko", LocalDate.of(1960, 11, 30), "F", Relation.ACCOMPANYING_ADULT))));
        ShiftableClock.runAt(now.minus(Duration.ofDays(20)), () -> interviews.record(minor,
                answers(today.minusDays(20), null, null, "Bor med bestemor på mottaket, ønsker å bo sammen med henne"),
                Set.of(), null, agency).value());

        // An unaccompanied minor who turned 18 ten days ago, after the permit: the daily rule counts him as an adult now.
        LocalDate turnedPermit = today.minusDays(50);
        ShiftableClock.runAt(now.minus(Duration.ofDays(49)), () -> importPermit(agency, prefix + "3", turnedPermit, centre.get(),
                List.of(person(turnedPermit, duf.getAndIncrement(), "Maksym", "Eksempelenko", today.minusYears(18).minusDays(10), "M", Relation.MAIN))));
        comingOfAge.run();
        log.info("Demo household edges: a three-adult family (case {}), a minor with an accompanying adult (case {}), a minor who turned 18",
                family, minor);
    }

    private static <T> T at(Instant instant, java.util.function.Supplier<T> task) {
        List<T> result = new ArrayList<>(1);
        ShiftableClock.runAt(instant, () -> result.add(task.get()));
        return result.get(0);
    }

    private long importPermit(Actor agency, String reference, LocalDate permitDate, long centre,
                              List<PermitImportRequest.PersonData> persons) {
        ImportOutcome outcome = permitImport.importPermit(new PermitImportRequest(reference, PermitType.COLLECTIVE_PROTECTION,
                permitDate, LivingSituation.RECEPTION_CENTRE, centre, null, new ArrayList<>(persons)), agency);
        if (!outcome.ok()) {
            throw new IllegalStateException("Demo permit " + reference + " refused: " + outcome.problems());
        }
        return outcome.caseId();
    }

    private static PermitImportRequest.PersonData person(LocalDate permitDate, long duf, String given, String family,
                                                         LocalDate born, String sex, Relation relation) {
        return new PermitImportRequest.PersonData(String.format("%04d%08d", permitDate.getYear(), duf), null, null, given, family,
                born, sex, "UKR", relation, null, null);
    }

    private static InterviewAnswers answers(LocalDate heldOn, String practical, String health, String minorSituation) {
        boolean minor = minorSituation != null;
        return new InterviewAnswers(heldOn, "ukrainsk", null, null, null, practical, health != null, health, null,
                minor ? "Grunnskole (pågår)" : "Videregående skole", minor ? null : "Butikkmedarbeider", false, false,
                "ukrainsk, russisk", minorSituation);
    }
}
