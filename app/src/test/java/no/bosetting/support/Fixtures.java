package no.bosetting.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import no.bosetting.access.Actor;
import no.bosetting.access.BosettingUser;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.ReceptionCentres;
import no.bosetting.cases.Relation;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.planning.CapacityDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Builds test data through the application's own commands. Identifiers come from a counter seeded
 * by time, so tests sharing the database never collide.
 */
@TestComponent
public class Fixtures {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10);

    private final PermitImport permitImport;
    private final Interviews interviews;
    private final Proposals proposals;
    private final CapacityDecisions capacity;
    private final ReceptionCentres centres;
    private final CaseQueries caseQueries;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    public Fixtures(PermitImport permitImport, Interviews interviews, Proposals proposals, CapacityDecisions capacity,
                    ReceptionCentres centres, CaseQueries caseQueries, TransactionTemplate tx, JdbcClient jdbc) {
        this.permitImport = permitImport;
        this.interviews = interviews;
        this.proposals = proposals;
        this.capacity = capacity;
        this.centres = centres;
        this.caseQueries = caseQueries;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    public static long next() {
        return SEQ.incrementAndGet();
    }

    public static String duf() {
        return String.format("%012d", next() % 1_000_000_000_000L);
    }

    public Actor caseworker() {
        return new Actor("saksbehandler-test", "Test Saksbehandler", Role.AGENCY_CASEWORKER, null, null);
    }

    public Actor planner() {
        return new Actor("planlegger-test", "Test Planlegger", Role.AGENCY_PLANNER, null, null);
    }

    public Actor statistics() {
        return new Actor("statistikk-test", "Test KS", Role.STATISTICS_READER, null, null);
    }

    public Actor municipality(String number) {
        return new Actor("kommune-" + number + "-test", "Test kommune " + number, Role.MUNICIPALITY_OFFICER, number, null);
    }

    public Actor reception(long centreId) {
        return new Actor("mottak-" + centreId + "-test", "Test mottak " + centreId, Role.RECEPTION_STAFF, null, centreId);
    }

    public static RequestPostProcessor as(Actor actor) {
        return user(new BosettingUser(actor));
    }

    public long centre(String municipalityNumber) {
        return centres.create("Testmottak " + next(), "RECEPTION_CENTRE", municipalityNumber);
    }

    /** A household in a reception centre: one adult plus {@code children} children. */
    public long household(long centreId, int children, LocalDate permitDate) {
        List<PermitImportRequest.PersonData> persons = new ArrayList<>();
        persons.add(new PermitImportRequest.PersonData(duf(), null, null, "Testa", "Testesen", LocalDate.of(1985, 3, 1),
                "F", "UKR", Relation.MAIN, "+4790000000", null));
        for (int i = 0; i < children; i++) {
            persons.add(new PermitImportRequest.PersonData(duf(), null, null, "Barn" + i, "Testesen",
                    LocalDate.of(2015, 1, 1).plusMonths(i * 13L), i % 2 == 0 ? "M" : "F", "UKR", Relation.CHILD, null, null));
        }
        ImportOutcome outcome = permitImport.importPermit(new PermitImportRequest("TEST-" + next(), PermitType.COLLECTIVE_PROTECTION,
                permitDate, LivingSituation.RECEPTION_CENTRE, centreId, null, persons), caseworker());
        if (!outcome.ok()) {
            throw new IllegalStateException(outcome.problems().toString());
        }
        return outcome.caseId();
    }

    public long household(long centreId, int children) {
        return household(centreId, children, TestClock.today().minusDays(30));
    }

    public InterviewAnswers answers() {
        return new InterviewAnswers(TestClock.today().minusDays(1), "ukrainsk", "Søster i Bergen", "4601", "Venner i Oslo",
                "Trenger bolig på bakkeplan", true, "Astma", "Katt", "Sykepleier", "Sykepleier i 10 år", true, false,
                "ukrainsk, engelsk", null);
    }

    public void ready(long caseId) {
        interviews.record(caseId, answers(), caseworker()).value();
    }

    public void decide(String municipality, int year, int persons, int minors) {
        capacity.record(planner(), municipality, year, persons, minors, TestClock.today().minusDays(10)).value();
    }

    /**
     * Records a decision for the year a place planned on {@code planned} counts in, unless that year has one. A place
     * counts in the year of its planned settlement date ({@code SettlementDecisions.offer}), so in December an
     * acceptance planned a few days ahead needs next year's decision, as it would for a municipality.
     */
    public int decidePlannedYear(String municipality, LocalDate planned, int persons, int minors) {
        int year = planned.getYear();
        if (jdbc.sql("select count(*) from capacity_decision where municipality_number = :m and year = :y")
                .param("m", municipality).param("y", year).query(Long.class).single() == 0) {
            decide(municipality, year, persons, minors);
        }
        return year;
    }

    public long propose(long caseId, String municipality) {
        long listId = CommandResult.attempt(() -> proposals.sendList(caseworker(), municipality, List.of(caseId), null)).value();
        return jdbc.sql("select id from proposal where allocation_list_id = :l and case_id = :c")
                .param("l", listId).param("c", caseId).query(Long.class).single();
    }

    /**
     * A one-person household in a centre in {@code municipality}, waiting 60 days, proposed to and accepted by the
     * municipality on {@code day} (the clock set to noon that day), planned to settle on {@code planned}; the year of
     * {@code planned} gets a decision of 500 places if it has none.
     */
    public long acceptedOn(String municipality, LocalDate day, LocalDate planned) {
        long[] caseId = new long[1];
        no.bosetting.shared.ShiftableClock.runAt(day.atTime(12, 0).atZone(no.bosetting.shared.TimeConfig.OSLO).toInstant(), () -> {
            decidePlannedYear(municipality, planned, 500, 0);
            caseId[0] = household(centre(municipality), 0, day.minusDays(60));
            ready(caseId[0]);
            long proposal = propose(caseId[0], municipality);
            CommandResult.attempt(() -> proposals.accept(municipality(municipality), proposal,
                    plannedDates(caseId[0], planned), null)).value();
        });
        return caseId[0];
    }

    public Map<Long, LocalDate> plannedDates(long caseId, LocalDate date) {
        Map<Long, LocalDate> planned = new HashMap<>();
        for (Long id : caseQueries.personIds(caseId)) {
            planned.put(id, date);
        }
        return planned;
    }

    /**
     * Dates the household's decisions on settlement municipality {@code day} (noon, Norwegian time): a household decided
     * earlier, so a settlement date registered for it may lie that far back (a settlement date is never before the
     * decision, {@code decisions.SettlementDateRule}).
     */
    public void decisionsMadeOn(long caseId, LocalDate day) {
        jdbc.sql("update settlement_decision set decided_at = :at where case_id = :c")
                .param("at", day.atTime(12, 0).atZone(java.time.ZoneId.of("Europe/Oslo")).toOffsetDateTime())
                .param("c", caseId).update();
    }

    /** Removes capacity and places of a municipality so a test starts from a known count. */
    public void resetMunicipality(String municipality) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("delete from capacity_decision_history where capacity_decision_id in (select id from capacity_decision where municipality_number = :m)")
                    .param("m", municipality).update();
            jdbc.sql("delete from capacity_decision where municipality_number = :m").param("m", municipality).update();
            jdbc.sql("update settlement_decision set status = 'DECLINED' where municipality_number = :m").param("m", municipality).update();
        });
    }
}
