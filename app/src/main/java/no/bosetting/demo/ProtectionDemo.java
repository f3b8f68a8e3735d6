package no.bosetting.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.ProtectionDesignation;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.AddressProtection;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.PersonCorrections;
import no.bosetting.cases.ProtectedAddress;
import no.bosetting.cases.Relation;
import no.bosetting.concerns.ConcernIndicator;
import no.bosetting.concerns.ConcernReports;
import no.bosetting.concerns.ConcernScreenings;
import no.bosetting.concerns.Referral;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.shared.ShiftableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Issue 18 items 3 and 4 in the demo, through the real commands after the year's replay: the designated caseworker
 * {@value #DESIGNATED}; a household whose interview's screening raised forced marriage and negative social control,
 * the restricted report written from it (referred to the Competence Team, the answer recorded, Lillestrøm unsuitable);
 * and a household with a strictly confidential address. Permit references {@code DEMO-V<seed>-…}.
 */
@Component
@Profile("!prod")
class ProtectionDemo {

    static final String DESIGNATED = "saksbehandler-vern";
    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final PermitImport permitImport;
    private final Interviews interviews;
    private final CaseQueries cases;
    private final UserAccounts users;
    private final ProtectionDesignation designation;
    private final ConcernScreenings screenings;
    private final ConcernReports reports;
    private final ProtectedAddress protection;
    private final PersonCorrections corrections;
    private final Clock clock;

    ProtectionDemo(PermitImport permitImport, Interviews interviews, CaseQueries cases, UserAccounts users,
                   ProtectionDesignation designation, ConcernScreenings screenings, ConcernReports reports,
                   ProtectedAddress protection, PersonCorrections corrections, Clock clock) {
        this.permitImport = permitImport;
        this.interviews = interviews;
        this.cases = cases;
        this.users = users;
        this.designation = designation;
        this.screenings = screenings;
        this.reports = reports;
        this.protection = protection;
        this.corrections = corrections;
        this.clock = clock;
    }

    void run(long seed) {
        Optional<Actor> caseworker = users.findEnabledActor("saksbehandler");
        Optional<Actor> centreStaff = users.findEnabledActor("mottak-hamar");
        Optional<Actor> vern = users.findEnabledActor(DESIGNATED);
        if (caseworker.isEmpty() || centreStaff.isEmpty() || vern.isEmpty()) {
            log.info("Demo protection skipped: no demo caseworker, centre or designated caseworker");
            return;
        }
        designation.designate(DESIGNATED, true);
        Shown shown = run(seed, caseworker.get(), centreStaff.get(), vern.get());
        log.info("Demo protection: a restricted concern report (case {}) and a strictly confidential address (case {}), "
                + "readable by {}", shown.concernCase(), shown.protectedCase(), DESIGNATED);
    }

    /** The two households the demo made. */
    record Shown(long concernCase, long reportId, long protectedCase) {
    }

    /** Runs with these actors: the designated one must be designated already. */
    Shown run(long seed, Actor caseworkerActor, Actor centre, Actor designated) {
        Optional<Actor> caseworker = Optional.of(caseworkerActor);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        String prefix = "DEMO-V" + seed + "-";
        long duf = 96_500_000L + Math.floorMod(seed, 1000L) * 100; // a range no other demo class uses

        // The screening in the interview raised a concern; the designated caseworker writes the restricted report from it.
        LocalDate permit = today.minusDays(35);
        long concernCase = at(now.minus(Duration.ofDays(34)), () -> importPermit(caseworker.get(), prefix + "1", permit,
                centre.receptionCentreId(), List.of(person(permit, duf, "Amina", "Demoeva", LocalDate.of(2001, 4, 12), "F"))));
        ShiftableClock.runAt(now.minus(Duration.ofDays(30)), () -> {
            interviews.record(concernCase, answers(today.minusDays(30)), centre).value();
            screenings.screen(centre, concernCase, EnumSet.of(ConcernIndicator.FORCED_MARRIAGE, ConcernIndicator.NEGATIVE_SOCIAL_CONTROL),
                    "Familie i Lillestrøm har planlagt ekteskap for henne. Hun er redd.").value();
        });
        long screening = screenings.open(designated).stream().filter(o -> o.caseId() == concernCase).findFirst().orElseThrow().id();
        long report = at(now.minus(Duration.ofDays(29)), () -> reports.create(designated, new ConcernReports.NewReport(concernCase,
                screening, EnumSet.of(ConcernIndicator.FORCED_MARRIAGE, ConcernIndicator.NEGATIVE_SOCIAL_CONTROL),
                "Kvinne på 24 år. Familie i Lillestrøm har planlagt ekteskap for henne; hun vil ikke bo der.",
                Referral.COMPETENCE_TEAM, today.minusDays(29), Set.of("3205"), Set.of())).value());
        ShiftableClock.runAt(now.minus(Duration.ofDays(22)), () -> reports.recordAnswer(designated, report,
                "Kompetanseteamet anbefaler bosetting langt fra Lillestrøm og oppfølging fra kommunens kontaktperson.",
                today.minusDays(22)).value());

        // A household with a strictly confidential address: interviewed first, then marked by the designated caseworker.
        LocalDate protectedPermit = today.minusDays(45);
        long protectedCase = at(now.minus(Duration.ofDays(44)), () -> importPermit(caseworker.get(), prefix + "2", protectedPermit,
                centre.receptionCentreId(), List.of(person(protectedPermit, duf + 1, "Olena", "Skjermenko", LocalDate.of(1990, 8, 3), "F"))));
        long main = cases.personIds(protectedCase).get(0);
        ShiftableClock.runAt(now.minus(Duration.ofDays(40)), () -> {
            interviews.record(protectedCase, answers(today.minusDays(40)), centre).value();
            protection.mark(designated, protectedCase, main, AddressProtection.STRENGT_FORTROLIG, "Sperre registrert i Folkeregisteret")
                    .value();
            corrections.changeAddress(protectedCase, main, new PersonCorrections.Address("Skjermet vei 3", "2317", "Hamar", "3403",
                    today.minusDays(40), "Adresse fra Folkeregisteret"), designated).value();
        });
        return new Shown(concernCase, report, protectedCase);
    }

    private static <T> T at(Instant instant, java.util.function.Supplier<T> task) {
        List<T> result = new ArrayList<>(1);
        ShiftableClock.runAt(instant, () -> result.add(task.get()));
        return result.get(0);
    }

    private long importPermit(Actor agency, String reference, LocalDate permitDate, long centre, List<PermitImportRequest.PersonData> persons) {
        ImportOutcome outcome = permitImport.importPermit(new PermitImportRequest(reference, PermitType.COLLECTIVE_PROTECTION,
                permitDate, LivingSituation.RECEPTION_CENTRE, centre, null, new ArrayList<>(persons)), agency);
        if (!outcome.ok()) {
            throw new IllegalStateException("Demo permit " + reference + " refused: " + outcome.problems());
        }
        return outcome.caseId();
    }

    private static PermitImportRequest.PersonData person(LocalDate permitDate, long duf, String given, String family, LocalDate born,
                                                         String sex) {
        return new PermitImportRequest.PersonData(String.format("%04d%08d", permitDate.getYear(), duf), null, null, given, family,
                born, sex, "UKR", Relation.MAIN, null, null);
    }

    private static InterviewAnswers answers(LocalDate heldOn) {
        return new InterviewAnswers(heldOn, "ukrainsk", null, null, null, null, false, null, null, "Videregående skole",
                "Frisør", false, false, "ukrainsk, engelsk", null);
    }
}
