package no.bosetting.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.allocation.RoundPreview;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.interview.AllocationFacts;
import no.bosetting.interview.AllocationFacts.CloseFamilyKind;
import no.bosetting.interview.AllocationNeed;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.InterviewFacts;
import no.bosetting.interview.Interviews;
import no.bosetting.municipalities.MunicipalService;
import no.bosetting.municipalities.ServiceCatalogue;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Issue 23 item 1 in the demo, through the real commands: service catalogues (one kept by a municipality's own officer),
 * households with close family, wider family and network, job offers (one binding, one short), a study admission, a need,
 * and two adult siblings linked to be settled together. Then one household's job offer and wider family are shown moving
 * its proposal: the round is solved with and without them, and the explanation is logged.
 */
@Component
@Profile("!prod")
class RoundInputsDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    /** Which services the demo's municipalities offer: Oslo, Bergen, Trondheim, Stavanger, Tromsø, Bodø, Hamar, Lillestrøm. */
    static final List<Object[]> CATALOGUE = List.of(
            new Object[]{"0301", MunicipalService.values()},
            new Object[]{"4601", new MunicipalService[]{MunicipalService.ACCESSIBLE_DWELLING, MunicipalService.SPECIALIST_HEALTH_CARE,
                    MunicipalService.CHILD_WELFARE_MINORS, MunicipalService.SHARED_HOUSING}},
            new Object[]{"5001", new MunicipalService[]{MunicipalService.ACCESSIBLE_DWELLING, MunicipalService.SPECIALIST_HEALTH_CARE,
                    MunicipalService.SPECIAL_NEEDS_SCHOOLING}},
            new Object[]{"1103", new MunicipalService[]{MunicipalService.SPECIALIST_HEALTH_CARE, MunicipalService.SHARED_HOUSING}},
            new Object[]{"5501", new MunicipalService[]{MunicipalService.SPECIALIST_HEALTH_CARE, MunicipalService.CHILD_WELFARE_MINORS}},
            new Object[]{"1804", new MunicipalService[]{MunicipalService.SHARED_HOUSING}},
            new Object[]{"3403", new MunicipalService[]{MunicipalService.ACCESSIBLE_DWELLING, MunicipalService.SHARED_HOUSING}},
            new Object[]{"3205", new MunicipalService[]{MunicipalService.SPECIAL_NEEDS_SCHOOLING}});

    /** Where the demo's job-and-family household looks first; the first with places this round is used. */
    static final List<String> JOB_TOWNS = List.of("1804", "5501", "1103", "4601", "5001", "3403", "0301");

    private final PermitImport permitImport;
    private final Interviews interviews;
    private final InterviewFacts facts;
    private final ServiceCatalogue catalogue;
    private final CaseQueries cases;
    private final UserAccounts users;
    private final RoundPreview preview;
    private final Clock clock;

    RoundInputsDemo(PermitImport permitImport, Interviews interviews, InterviewFacts facts, ServiceCatalogue catalogue, CaseQueries cases,
                    UserAccounts users, RoundPreview preview, Clock clock) {
        this.permitImport = permitImport;
        this.interviews = interviews;
        this.facts = facts;
        this.catalogue = catalogue;
        this.cases = cases;
        this.users = users;
        this.preview = preview;
        this.clock = clock;
    }

    /** What the demo built: the job-and-family household, where it goes without and with its ties, and why (bokmål). */
    record Shown(long caseId, String withoutTies, String withTies, List<String> reasons, String jobTown) {
    }

    Optional<Shown> run(long seed) {
        Optional<Actor> caseworker = users.findEnabledActor("saksbehandler");
        Optional<Actor> bergen = users.findEnabledActor("kommune-bergen");
        Optional<Long> centre = users.findEnabledActor("mottak-hamar").map(Actor::receptionCentreId);
        if (caseworker.isEmpty() || centre.isEmpty()) {
            log.info("Demo round inputs skipped: no demo caseworker or centre");
            return Optional.empty();
        }
        return Optional.of(run(seed, caseworker.get(), bergen.orElse(caseworker.get()), centre.get()));
    }

    /** The demo's round inputs with these actors and reception centre (the demo's logins, or a test's). */
    Shown run(long seed, Actor agency, Actor bergenOfficer, long centreId) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        for (Object[] entry : CATALOGUE) {
            String number = (String) entry[0];
            // Bergen keeps its own catalogue; the agency keeps the others.
            Actor keeper = "4601".equals(number) ? bergenOfficer : agency;
            for (MunicipalService s : (MunicipalService[]) entry[1]) {
                CommandResult.attempt(() -> catalogue.record(keeper, number, s, today.minusMonths(6), null, null));
            }
        }
        String prefix = "DEMO-R" + seed + "-";
        long duf = 97_000_000L + Math.floorMod(seed, 1000L) * 100;
        Instant arrived = now.minus(Duration.ofDays(60));
        long jobAndFamily = household(agency, prefix + "1", centreId, duf, arrived, "Taras", 0);
        long bindingJob = household(agency, prefix + "2", centreId, duf + 10, arrived, "Olena", 0);
        long closeFamily = household(agency, prefix + "3", centreId, duf + 20, arrived, "Iryna", 2);
        long sibling1 = household(agency, prefix + "4", centreId, duf + 30, arrived, "Bohdan", 0);
        long sibling2 = household(agency, prefix + "5", centreId, duf + 40, arrived, "Mariia", 0);
        long studyAndNetwork = household(agency, prefix + "6", centreId, duf + 50, arrived, "Yurii", 0);

        String jobTown = jobTown(today);
        record(bindingJob, new AllocationFacts(null, null, null, "0301", "1103", 30, null, Set.of(), null), agency);
        record(closeFamily, new AllocationFacts("4601", CloseFamilyKind.SPOUSE_OR_COHABITANT, null, null, null, null, null,
                Set.of(AllocationNeed.ACCESSIBLE_DWELLING), null), agency);
        record(sibling2, new AllocationFacts(null, null, "5001", null, null, null, null, Set.of(), sibling1), agency);
        record(studyAndNetwork, new AllocationFacts(null, null, null, "0301", null, null, "5001", Set.of(), null), agency);

        // The job-and-family household: first its proposal without ties, then with a 12-hour job offer and a sister there.
        Optional<String> without = proposal(agency, jobAndFamily, today, null);
        record(jobAndFamily, new AllocationFacts(null, null, jobTown, null, jobTown, 12, null, Set.of(), null), agency);
        List<String> reasons = new ArrayList<>();
        Optional<String> with = proposal(agency, jobAndFamily, today, reasons);
        log.info("Demo round inputs: service catalogues for {} municipalities; household {} goes to {} without its ties and to {} "
                        + "with a 12-hour job offer and a sister in {}: {}", CATALOGUE.size(), jobAndFamily, without.orElse("none"),
                with.orElse("none"), jobTown, String.join(" ", reasons));
        return new Shown(jobAndFamily, without.orElse(null), with.orElse(null), List.copyOf(reasons), jobTown);
    }

    /** The first of {@link #JOB_TOWNS} with places for a single adult in today's round. */
    private String jobTown(LocalDate today) {
        return JOB_TOWNS.stream().filter(t -> preview.hasPlaces(t, today)).findFirst().orElse(JOB_TOWNS.get(0));
    }

    /** The household's municipality in a round of all ready households; its explanation's reasons added in bokmål. */
    private Optional<String> proposal(Actor agency, long caseId, LocalDate today, List<String> reasons) {
        CaseFilter filter = new CaseFilter(CaseStatus.READY_FOR_ALLOCATION, null, null, null, null, null, null, null, null);
        List<CaseSummary> ready = new ArrayList<>();
        List<CaseSummary> batch;
        int page = 0;
        do {
            batch = cases.search(filter, agency, page++, 500).items();
            ready.addAll(batch);
        } while (batch.size() == 500);
        Optional<RoundPreview.Preview> p = preview.preview(ready, today, caseId, Locale.forLanguageTag("nb"));
        if (reasons != null) {
            p.ifPresent(x -> reasons.addAll(x.reasons()));
        }
        return p.map(RoundPreview.Preview::municipality);
    }

    private void record(long caseId, AllocationFacts f, Actor agency) {
        CommandResult<Long> r = CommandResult.attempt(() -> facts.record(caseId, f, agency));
        if (!r.isSuccess()) {
            log.warn("Demo round inputs: facts for case {} refused: {}", caseId, r.failure());
        }
    }

    private long household(Actor agency, String reference, long centre, long duf, Instant arrived, String given, int children) {
        LocalDate permit = LocalDate.ofInstant(arrived, clock.getZone());
        List<PermitImportRequest.PersonData> persons = new ArrayList<>();
        persons.add(person(permit, duf, given, LocalDate.of(1990, 4, 12), "F", Relation.MAIN));
        if (children > 0) {
            persons.add(person(permit, duf + 1, "Petro", LocalDate.of(1988, 2, 3), "M", Relation.SPOUSE));
        }
        for (int i = 0; i < children; i++) {
            persons.add(person(permit, duf + 2 + i, "Barn" + i, LocalDate.of(2016 + i, 6, 1), "M", Relation.CHILD));
        }
        long[] id = new long[1];
        ShiftableClock.runAt(arrived, () -> {
            ImportOutcome outcome = permitImport.importPermit(new PermitImportRequest(reference, PermitType.COLLECTIVE_PROTECTION,
                    permit, LivingSituation.RECEPTION_CENTRE, centre, null, persons), agency);
            if (!outcome.ok()) {
                throw new IllegalStateException("Demo permit " + reference + " refused: " + outcome.problems());
            }
            id[0] = outcome.caseId();
        });
        LocalDate held = LocalDate.now(clock).minusDays(30);
        ShiftableClock.runAt(clock.instant().minus(Duration.ofDays(30)), () -> interviews.record(id[0],
                new InterviewAnswers(held, "ukrainsk", null, null, null, null, false, null, null, "Videregående skole",
                        "Elektriker i 8 år", true, false, "ukrainsk, engelsk", null), agency).value());
        return id[0];
    }

    private static PermitImportRequest.PersonData person(LocalDate permitDate, long duf, String given, LocalDate born, String sex,
                                                         Relation relation) {
        return new PermitImportRequest.PersonData(String.format("%04d%08d", permitDate.getYear(), duf), null, null, given, "Testenko",
                born, sex, "UKR", relation, null, null);
    }
}
