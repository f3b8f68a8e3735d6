package no.bosetting.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.outbox.OutboxDispatcher;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan with history and the mid-year revision, the 2022 case: "IMDi hadde sendt ut anmodning for bosetting av om lag
 * 5.500 flyktninger i 2022. IMDi sendte ut en oppdatert anmodning til alle landets kommuner 18. mars 2022 … til sammen
 * 35.000 flyktninger" (report 001 lines 517–523).
 */
@IntegrationTest
class PlanRevisionTest {

    private static final String BERGEN = "4601";
    private static final String OSLO = "0301";
    private static final String VARDO = "5634";

    @Autowired
    NationalPlan plan;
    @Autowired
    CapacityRequests requests;
    @Autowired
    PlanRevision revision;
    @Autowired
    UserAccounts users;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    /** A year no other test plans for ({@code offset} after this year), or 2022 itself for the 2022 case. */
    private int freshYear(int offset) {
        return clean(TestClock.today().getYear() + offset);
    }

    private int clean(int year) {
        jdbc.sql("delete from capacity_request where year = :y").param("y", year).update();
        jdbc.sql("delete from request_input where year = :y").param("y", year).update();
        jdbc.sql("delete from national_need_county where year = :y").param("y", year).update();
        jdbc.sql("delete from national_need where year = :y").param("y", year).update();
        jdbc.sql("delete from national_need_version where year = :y").param("y", year).update();
        return year;
    }

    private Actor officer(String municipality) {
        Actor a = new Actor("revisjon-" + municipality + "-" + Fixtures.next(), "Officer " + municipality, Role.MUNICIPALITY_OFFICER,
                municipality, null);
        users.createIfMissing(a, "hemmelig-passord-1", a.username() + "@kommune.test");
        return a;
    }

    private int notifications(Actor a) {
        return jdbc.sql("select count(*) from notification where recipient = :u").param("u", a.username()).query(Integer.class).single();
    }

    private int emails(Actor a) {
        return jdbc.sql("select count(*) from outbox_message where topic = 'EMAIL' and recipient = :e")
                .param("e", a.username() + "@kommune.test").query(Integer.class).single();
    }

    private void deliverAll() {
        for (int i = 0; i < 50 && dispatcher.dispatchPending() > 0; i++) {
            // until nothing more is due
        }
    }

    @Test
    void theNationalNeedIsVersionedWithWhoWhenAndWhyAndNeverOverwritten() {
        int year = freshYear(6);
        Actor planner = fixtures.planner();
        assertThat(plan.saveNeed(planner, year, 5_500, LocalDate.of(year - 1, 10, 1), Map.of(), null).isSuccess()).isTrue();

        // A change needs a reason; refused, it changes nothing.
        assertThat(plan.saveNeed(planner, year, 35_000, LocalDate.of(year, 3, 18), Map.of(), " ").failure())
                .isInstanceOfSatisfying(CommandFailure.RuleBroken.class, f -> assertThat(f.field()).isEqualTo("needReason"));
        assertThat(plan.need(year).orElseThrow().persons()).isEqualTo(5_500);

        plan.saveNeed(planner, year, 35_000, LocalDate.of(year, 3, 18), Map.of(), "Krigen i Ukraina").value();
        // Saving the same again is no new version.
        plan.saveNeed(planner, year, 35_000, LocalDate.of(year, 3, 18), Map.of(), null).value();

        List<NationalNeed> versions = plan.needVersions(year);
        assertThat(versions).extracting(NationalNeed::version).containsExactly(2, 1);
        assertThat(versions.get(0).persons()).isEqualTo(35_000);
        assertThat(versions.get(0).reason()).isEqualTo("Krigen i Ukraina");
        assertThat(versions.get(0).savedBy()).isEqualTo(planner.username());
        assertThat(versions.get(0).savedAt()).isNotNull();
        assertThat(versions.get(1).persons()).isEqualTo(5_500);
        assertThat(versions.get(1).reason()).isNull();
        assertThat(plan.need(year).orElseThrow().version()).isEqualTo(2);
        assertThat(plan.saveNeed(fixtures.caseworker(), year, 1, null, Map.of(), "x").failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);
    }

    @Test
    void aScenarioIsVersionedWithItsAssumptionsAndItsForecastUsesThem() {
        int year = TestClock.today().getYear() + 6;
        jdbc.sql("delete from planning_scenario where year = :y").param("y", year).update();
        Actor planner = fixtures.planner();
        ForecastAssumptions first = new ForecastAssumptions(null, Map.of(no.bosetting.cases.HouseholdType.SINGLE_MAN, 100.0), null);
        plan.saveScenario(planner, year, PlanningScenario.Kind.EXPECTED, 5_500, "Før krigen", first, null).value();

        int[] months = {400, 450, 3_000, 5_000, 5_000, 4_000, 3_500, 3_000, 2_500, 2_000, 1_500, 1_150};
        ForecastAssumptions revised = new ForecastAssumptions(months, Map.of(no.bosetting.cases.HouseholdType.SINGLE_WOMAN, 40.0,
                no.bosetting.cases.HouseholdType.SINGLE_ADULT_WITH_CHILDREN, 60.0), 15.0);
        assertThat(plan.saveScenario(planner, year, PlanningScenario.Kind.EXPECTED, 31_500, null, revised, null).failure())
                .isInstanceOfSatisfying(CommandFailure.RuleBroken.class, f -> assertThat(f.field()).isEqualTo("scenarioReason"));
        assertThat(plan.saveScenario(planner, year, PlanningScenario.Kind.EXPECTED, 30_000, null, revised, "UDI mars").failure())
                .isInstanceOfSatisfying(CommandFailure.RuleBroken.class, f -> assertThat(f.field()).isEqualTo("monthlyPermits"));
        plan.saveScenario(planner, year, PlanningScenario.Kind.EXPECTED, 31_500, null, revised, "UDIs prognose etter 24. februar").value();

        List<PlanningScenario> versions = plan.scenarioVersions(year, PlanningScenario.Kind.EXPECTED);
        assertThat(versions).extracting(PlanningScenario::version).containsExactly(2, 1);
        assertThat(versions.get(1).assumptions()).isEqualTo(first);
        assertThat(versions.get(1).note()).isEqualTo("Før krigen");
        assertThat(versions.get(0).assumptions()).isEqualTo(revised);
        assertThat(versions.get(0).reason()).isEqualTo("UDIs prognose etter 24. februar");
        assertThat(versions.get(0).savedBy()).isEqualTo(planner.username());
        assertThat(plan.scenarios(year).get(PlanningScenario.Kind.EXPECTED).persons()).isEqualTo(31_500);
    }

    @Test
    void theMidYearRevisionReVersionsTheRequestsAndTellsOnlyTheMunicipalitiesWhoseRequestChanged() {
        int year = clean(2022);
        Actor planner = fixtures.planner();
        RequestInput vardo = requests.input(VARDO, year);
        requests.saveInput(planner, year, new RequestInput(VARDO, vardo.countyNumber(), vardo.population(), vardo.centrality(),
                1.0, 1.0, null, true, 0, null, null, null)).value();
        plan.saveNeed(planner, year, 5_500, LocalDate.of(year - 1, 10, 1), Map.of(), null).value();
        requests.issue(planner, year, LocalDate.of(year - 1, 10, 1), "Anmodning om bosetting i " + year).value();
        int bergenBefore = requests.versions(BERGEN, year).get(0).persons();
        int osloBefore = requests.versions(OSLO, year).get(0).persons();
        deliverAll();
        Actor bergen = officer(BERGEN);
        Actor oslo = officer(OSLO);
        Actor vardoOfficer = officer(VARDO);

        // Refused when dated before the request it revises, or without a reason: nothing changes, nobody is told.
        assertThat(revision.revise(planner, year, 35_000, LocalDate.of(year - 1, 9, 1), "Krigen").failure())
                .isInstanceOfSatisfying(CommandFailure.RuleBroken.class, f -> assertThat(f.field()).isEqualTo("revisedOn"));
        assertThat(revision.revise(planner, year, 35_000, LocalDate.of(year, 3, 18), "").failure())
                .isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(plan.need(year).orElseThrow().persons()).isEqualTo(5_500);

        int changed = revision.revise(planner, year, 35_000, LocalDate.of(year, 3, 18), "Krigen i Ukraina: revidert anmodning").value();
        deliverAll();

        assertThat(changed).isGreaterThan(300);
        List<CapacityRequest> bergenVersions = requests.versions(BERGEN, year);
        assertThat(bergenVersions).extracting(CapacityRequest::version).containsExactly(2, 1);
        assertThat(bergenVersions.get(1).persons()).isEqualTo(bergenBefore);
        assertThat(bergenVersions.get(0).persons()).isGreaterThan(bergenBefore * 5);
        assertThat(bergenVersions.get(0).reason()).isEqualTo("Krigen i Ukraina: revidert anmodning");
        assertThat(bergenVersions.get(0).requestedOn()).isEqualTo(LocalDate.of(year, 3, 18));
        assertThat(requests.versions(OSLO, year).get(0).persons()).isGreaterThan(osloBefore);
        assertThat(requests.versions(VARDO, year)).extracting(CapacityRequest::version).containsExactly(1);
        assertThat(plan.needVersions(year)).extracting(NationalNeed::persons).containsExactly(35_000, 5_500);

        // One notification and one e-mail per officer of each municipality whose request changed; none where it did not.
        assertThat(notifications(bergen)).isEqualTo(1);
        assertThat(notifications(oslo)).isEqualTo(1);
        assertThat(notifications(vardoOfficer)).isZero();
        assertThat(emails(bergen)).isEqualTo(1);
        assertThat(emails(oslo)).isEqualTo(1);
        assertThat(emails(vardoOfficer)).isZero();
        String subject = jdbc.sql("select subject from notification where recipient = :u").param("u", bergen.username())
                .query(String.class).single();
        String body = jdbc.sql("select body from notification where recipient = :u").param("u", bergen.username())
                .query(String.class).single();
        int bergenAfter = bergenVersions.get(0).persons();
        assertThat(subject).isEqualTo("Endret anmodning om bosetting i " + year + ": " + grouped(bergenBefore) + " → "
                + grouped(bergenAfter) + " personer");
        assertThat(body).contains("Bergen").contains("versjon 2, 18.03." + year).contains("Krigen i Ukraina: revidert anmodning");
        // For the report: the revision as a user sees it.
        StringBuilder shown = new StringBuilder("Revision of " + year + ": " + changed + " municipalities got a new version\n");
        for (String m : List.of(OSLO, BERGEN, "5001", "5501", "1804", "5025", VARDO)) {
            List<CapacityRequest> v = requests.versions(m, year);
            shown.append(String.format("  %s: %s%n", m, v.stream().map(r -> "v" + r.version() + " " + r.requestedOn() + " " + r.persons()
                    + " (" + r.reason() + ")").toList()));
        }
        System.out.println(shown + "  notification: " + subject + "\n  " + body);
    }

    @Test
    void aRevisionNeedsRequestsToRevise() {
        int year = freshYear(7);
        plan.saveNeed(fixtures.planner(), year, 5_500, null, Map.of(), null).value();
        assertThat(revision.revise(fixtures.planner(), year, 35_000, LocalDate.of(year, 3, 18), "Krigen").failure())
                .isInstanceOfSatisfying(CommandFailure.RuleBroken.class, f -> assertThat(f.field()).isEqualTo("revisedNeed"));
        assertThat(plan.needVersions(year)).hasSize(1);
        assertThat(revision.revise(fixtures.municipality(BERGEN), year, 35_000, LocalDate.of(year, 3, 18), "Krigen").failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);
    }

    @Test
    void aRevisionScalesTheCountySplitToTheNewTotal() {
        assertThat(PlanRevision.scaled(Map.of("03", 1_000, "46", 500, "50", 250), 3_500))
                .containsExactlyInAnyOrderEntriesOf(Map.of("03", 2_000, "46", 1_000, "50", 500));
        Map<String, Integer> odd = PlanRevision.scaled(Map.of("03", 1, "46", 1, "50", 1), 10);
        assertThat(odd.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
    }

    private static String grouped(int n) {
        return no.bosetting.shared.web.NumberFormat.whole(n, no.bosetting.shared.web.NumberFormat.NORWEGIAN);
    }
}
