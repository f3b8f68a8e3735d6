package no.bosetting.demo;

import no.bosetting.access.Role;
import no.bosetting.access.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.LivingSituation;
import no.bosetting.shared.Identifiers;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoDataGeneratorTest {

    private static final long SEED = 4711;
    private static final int SIZE = 200;

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    no.bosetting.housing.HousingMatches housingMatches;

    @Autowired
    Clock clock;

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnotherPlan() {
        Instant now = Instant.parse("2026-06-15T10:00:00Z");
        DemoPlan first = generator.plan(SEED, SIZE, now);
        DemoPlan second = generator.plan(SEED, SIZE, now);
        DemoPlan other = generator.plan(SEED + 1, SIZE, now);

        assertThat(second).isEqualTo(first);
        assertThat(other.households()).isNotEqualTo(first.households());
        assertThat(first.events()).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        assertThat(first.events()).allMatch(e -> e.at().isBefore(now));
    }

    @Test
    void planHasRealisticHouseholdsWithValidUniqueIdentifiers() {
        DemoPlan plan = generator.plan(2023, 3000, clock.instant());
        List<DemoPlan.Person> persons = plan.households().stream().flatMap(h -> h.persons().stream()).toList();

        assertThat(plan.households()).hasSize(3000);
        double mean = persons.size() / 3000.0;
        assertThat(mean).isBetween(2.1, 2.7);
        assertThat(plan.households()).allMatch(h -> h.size() >= 1 && h.size() <= 9);
        assertThat(plan.households()).anyMatch(DemoPlan.Household::unaccompaniedMinor);
        assertThat(plan.centres()).hasSizeBetween(20, 30);

        Set<String> dufs = new HashSet<>();
        Set<String> dNumbers = new HashSet<>();
        for (DemoPlan.Person p : persons) {
            assertThat(Identifiers.dufNumberError(p.dufNumber())).isEmpty();
            assertThat(dufs.add(p.dufNumber())).as("unique DUF %s", p.dufNumber()).isTrue();
            if (p.dNumber() != null) {
                assertThat(Identifiers.elevenDigitError(p.dNumber())).isEmpty();
                assertThat(Identifiers.isDNumber(p.dNumber())).isTrue();
                assertThat(dNumbers.add(p.dNumber())).as("unique D-number %s", p.dNumber()).isTrue();
            }
            assertThat(DemoCatalogue.FAMILY_NAMES).contains(p.familyName());
        }
        assertThat(dNumbers).hasSizeGreaterThan(500);
        long ukrainian = plan.households().stream().filter(h -> "UKR".equals(h.persons().get(0).citizenship())).count();
        assertThat(ukrainian / 3000.0).isBetween(0.7, 0.9);
        assertThat(plan.households()).allMatch(h -> h.centre() != null || h.municipalityNumber() != null);
    }

    @Test
    void seedsEveryStatusWithinCapacityAndOnlyOnce() {
        String prefix = DemoDataGenerator.referencePrefix(SEED) + "%";
        DemoPlan plan = generator.plan(SEED, SIZE, clock.instant());
        Optional<DemoDataGenerator.DemoSummary> seeded = generator.generate(plan);

        assertThat(seeded).isPresent();
        assertThat(seeded.get().households()).isEqualTo(SIZE);
        assertThat(seeded.get().householdsLeftBehind()).isZero();
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        jdbc.sql("select distinct status from settlement_case where permit_reference like :p").param("p", prefix)
                .query(String.class).list().forEach(s -> statuses.add(CaseStatus.valueOf(s)));
        assertThat(statuses).containsExactlyInAnyOrder(CaseStatus.values());

        List<Map<String, Object>> overUsed = jdbc.sql("""
                select d.municipality_number, d.place_year, count(*) as used, max(c.persons) as decided
                from settlement_decision d
                join settlement_case s on s.id = d.case_id
                join capacity_decision c on c.municipality_number = d.municipality_number and c.year = d.place_year
                where s.permit_reference like :p and d.status in ('OFFERED', 'SETTLED')
                group by d.municipality_number, d.place_year
                having count(*) > max(c.persons)
                """).param("p", prefix).query().listOfRows();
        assertThat(overUsed).isEmpty();
        assertThat(jdbc.sql("""
                select count(*) from settlement_decision d join settlement_case s on s.id = d.case_id
                where s.permit_reference like :p and d.status = 'SETTLED' and d.settlement_date > :today
                """).param("p", prefix).param("today", LocalDate.now(clock)).query(Long.class).single()).isZero();

        Set<String> reception = new HashSet<>();
        plan.households().stream()
                .filter(h -> h.livingSituation() == LivingSituation.AMOT || h.livingSituation() == LivingSituation.MAMOT)
                .forEach(h -> reception.add(h.permitReference()));
        assertThat(reception).isNotEmpty();
        List<String> storedAs = jdbc.sql("select living_situation from settlement_case where permit_reference in (:refs)")
                .param("refs", reception).query(String.class).list();
        assertThat(storedAs).hasSize(reception.size()).allMatch(s -> s.equals("AMOT") || s.equals("MAMOT"));
        assertThat(jdbc.sql("""
                select count(*) from residence_history h join person p on p.id = h.person_id
                join settlement_case s on s.id = p.case_id
                where s.permit_reference in (:refs) and h.kind = 'PRIVATE'
                """).param("refs", reception).query(Long.class).single()).isZero();

        List<String> familyNames = jdbc.sql("""
                select distinct p.family_name from person p join settlement_case s on s.id = p.case_id
                where s.permit_reference like :p
                """).param("p", prefix).query(String.class).list();
        assertThat(familyNames).isNotEmpty().allMatch(DemoCatalogue.FAMILY_NAMES::contains);

        assertThat(jdbc.sql("select count(*) from app_user where username in (:u)")
                .param("u", DemoCatalogue.LOGINS.stream().map(DemoCatalogue.Login::username).toList())
                .query(Long.class).single()).isEqualTo(DemoCatalogue.LOGINS.size());
        assertThat(jdbc.sql("""
                select count(*) from proposal p join settlement_case s on s.id = p.case_id
                where s.permit_reference like :p and p.status = 'PENDING' and p.deadline < :today
                """).param("p", prefix).param("today", LocalDate.now(clock)).query(Long.class).single()).isPositive();

        newerModulesHaveDataInEveryState(prefix, seeded.get());
        householdEdgesAndHealthOnlyWithConsent(prefix);
        planningYearWasRevised();
        // Issue 14 item 3: the councils' decisions include a period total (Bærum) and a range (Namsos), recorded through
        // the real command.
        assertThat(jdbc.sql("select count(*) from capacity_decision where municipality_number = '3201' and kind = 'PERIOD'")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from capacity_decision where municipality_number = '5007' and kind = 'RANGE' and max_persons > persons")
                .query(Long.class).single()).isEqualTo(1);
        // Issue 16 point 9: the centres' staff were told of every acceptance over the year; after the replay nothing
        // about a household already settled, declined or closed is unread for them, while a household still offered is.
        long settledNews = count("""
                select count(*) from notification n join app_user u on u.username = n.recipient
                join settlement_case c on c.id = n.case_id
                where u.role = 'RECEPTION_STAFF' and c.permit_reference like :p and c.status in ('SETTLED', 'DECLINED', 'CLOSED')
                """, prefix);
        assertThat(settledNews).isPositive();
        assertThat(count("""
                select count(*) from notification n join app_user u on u.username = n.recipient
                join settlement_case c on c.id = n.case_id
                where u.role = 'RECEPTION_STAFF' and c.permit_reference like :p and c.status in ('SETTLED', 'DECLINED', 'CLOSED')
                  and n.read_at is null
                """, prefix)).isZero();
        // Issue 16 point 2: households write with IMDi from Min side; two are answered, one waits.
        assertThat(count("""
                select count(*) from message m join message_thread t on t.id = m.thread_id join settlement_case c on c.id = t.case_id
                where t.kind = 'REFUGEE' and c.permit_reference like :p and m.side = 'REFUGEE'
                """, prefix)).isEqualTo(3);
        assertThat(count("""
                select count(*) from message m join message_thread t on t.id = m.thread_id join settlement_case c on c.id = t.case_id
                where t.kind = 'REFUGEE' and c.permit_reference like :p and m.side = 'AGENCY'
                """, prefix)).isEqualTo(2);
        housingWorkThroughTheCommands(prefix);
        // Issue 23 item 5: one stored year what-if by the demo planner.
        assertThat(count("select count(*) from year_whatif_run where created_by = :p", "planlegger")).isPositive();

        long cases = count("select count(*) from settlement_case where permit_reference like :p", prefix);
        long persons = count("select count(*) from person p join settlement_case s on s.id = p.case_id where s.permit_reference like :p", prefix);
        long proposals = count("select count(*) from proposal p join settlement_case s on s.id = p.case_id where s.permit_reference like :p", prefix);
        long centres = count("select count(*) from reception_centre where name like :p", "Demo %");
        long users = count("select count(*) from app_user where username like :p", "%");

        assertThat(generator.generate(SEED, SIZE)).isEmpty();
        assertThat(generator.generate(SEED + 1, SIZE)).isEmpty();

        assertThat(count("select count(*) from settlement_case where permit_reference like :p", prefix)).isEqualTo(cases);
        assertThat(count("select count(*) from settlement_case where permit_reference like :p",
                DemoDataGenerator.referencePrefix(SEED + 1) + "%")).isZero();
        assertThat(count("select count(*) from person p join settlement_case s on s.id = p.case_id where s.permit_reference like :p", prefix))
                .isEqualTo(persons);
        assertThat(count("select count(*) from proposal p join settlement_case s on s.id = p.case_id where s.permit_reference like :p", prefix))
                .isEqualTo(proposals);
        assertThat(count("select count(*) from reception_centre where name like :p", "Demo %")).isEqualTo(centres);
        assertThat(count("select count(*) from app_user where username like :p", "%")).isEqualTo(users);
    }

    /**
     * Issue 20 items 2, 6 and 10: a three-adult family, a minor with an accompanying adult and a minor who turned 18, and
     * health text only where a member's consent is recorded; practical needs without health words.
     */
    private void householdEdgesAndHealthOnlyWithConsent(String prefix) {
        String edges = "DEMO-E" + SEED + "-%";
        assertThat(jdbc.sql("select household_type from settlement_case where permit_reference like :p order by permit_reference")
                .param("p", edges).query(String.class).list())
                .containsExactly("COUPLE_WITH_CHILDREN", "UNACCOMPANIED_MINOR", "SINGLE_MAN");
        assertThat(count("""
                select count(*) from accompanying_adult a join settlement_case c on c.id = a.case_id
                where c.permit_reference like :p and c.unaccompanied_minor and c.persons = 1 and a.source = 'PERMIT'""", edges)).isEqualTo(1);
        assertThat(count("select count(*) from settlement_case where permit_reference like :p and turned_adult_on is not null", edges))
                .isEqualTo(1);
        for (String p : List.of(prefix, edges)) {
            assertThat(count("""
                    select count(*) from settlement_interview i join settlement_case c on c.id = i.case_id
                    where c.permit_reference like :p and i.health_details is not null and not exists (
                        select 1 from health_consent h where h.case_id = i.case_id and h.given
                          and h.id = (select max(h2.id) from health_consent h2 where h2.person_id = h.person_id))""", p)).isZero();
            assertThat(jdbc.sql("""
                    select i.adaptation_needs from settlement_interview i join settlement_case c on c.id = i.case_id
                    where c.permit_reference like :p and i.adaptation_needs is not null""").param("p", p).query(String.class).list())
                    .noneMatch(no.bosetting.interview.HealthContent::mentionsHealth);
        }
        assertThat(count("""
                select count(*) from settlement_interview i join settlement_case c on c.id = i.case_id
                where c.permit_reference like :p and i.health_details is not null""", edges)).isEqualTo(1);
    }

    /** The planning year has a versioned need and a mid-year revision that told the demo municipalities (h6-plan). */
    private void planningYearWasRevised() {
        int year = LocalDate.now(clock).getYear();
        List<String> reasons = jdbc.sql("select coalesce(reason, '') from national_need_version where year = :y order by version")
                .param("y", year).query(String.class).list();
        assertThat(reasons).hasSizeGreaterThanOrEqualTo(2);
        assertThat(reasons.get(reasons.size() - 1)).contains("revidert anmodning");
        assertThat(jdbc.sql("select max(version) from capacity_request where year = :y and municipality_number = '4601'")
                .param("y", year).query(Integer.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("""
                select count(*) from outbox_message where topic = 'NOTIFICATION' and recipient = 'kommune-bergen'
                and subject like :s
                """).param("s", "Endret anmodning om bosetting i " + year + "%").query(Long.class).single()).isEqualTo(1L);
    }

    /** Self-settlement, applications, messages, reconsideration and letters: seeded through their commands. */
    private void newerModulesHaveDataInEveryState(String prefix, DemoDataGenerator.DemoSummary summary) {
        System.out.println("Demo seed " + SEED + "/" + SIZE + ": " + summary.refusals() + " refused, " + summary.duration());
        // Grants (issue 17 items 1–3, h17-grants): every settled demo person has a schedule with a rate for year 1, and the
        // demo's payment run paid them through the real command.
        assertThat(count("""
                select count(*) from settlement_decision d join settlement_case s on s.id = d.case_id
                join person pe on pe.id = d.person_id and pe.removed_on is null
                where s.permit_reference like :p and d.status = 'SETTLED' and not exists (
                    select 1 from grant_schedule g join grant_schedule_line l on l.schedule_id = g.id
                    where g.person_id = d.person_id and g.current and l.kind = 'INTEGRATION' and l.scheme_year = 1 and l.rate_id is not null)
                """, prefix)).as("settled demo persons without a schedule").isZero();
        assertThat(count("""
                select count(*) from grant_payment_line l join settlement_case s on s.id = l.case_id where s.permit_reference like :p
                """, prefix)).as("demo persons paid by the payment run").isPositive();
        // Secondary moves through the caseworker's command (issue 14 item 5).
        assertThat(count("""
                select count(*) from secondary_move m join settlement_case s on s.id = m.case_id where s.permit_reference like :p
                """, prefix)).as("secondary moves").isPositive();
        // Issue 20 items 3 and 4 (demo.LifecycleDemo): an absence whose places the municipality holds, a household that moved
        // out to live privately, was closed and reopened, through the commands.
        assertThat(count("""
                select count(*) from case_absence a join settlement_case s on s.id = a.case_id
                where s.permit_reference like :p and a.places_choice = 'HOLD' and s.status = 'TEMPORARILY_ABSENT'
                """, prefix)).isPositive();
        assertThat(count("""
                select count(*) from case_history h join settlement_case s on s.id = h.case_id
                where s.permit_reference like :p and h.command = 'REOPEN'
                  and exists (select 1 from residence_change r where r.case_id = s.id)
                """, prefix)).isPositive();
        // h3 (issue 20 items 5, 8, 10): a late application accepted on the discretionary path by the designated group after
        // the deadline had ended the right; private residents applied before their interview; first letters were written.
        assertThat(count("""
                select count(distinct h.case_id) from case_history h join settlement_case s on s.id = h.case_id
                where s.permit_reference like :p and h.command = 'ACCEPT_APPLICATION' and h.actor_role = 'AGENCY_ADMIN'
                  and h.from_status = 'APPLICATION_DEADLINE_MISSED'
                  and exists (select 1 from case_history e where e.case_id = h.case_id and e.command = 'LAPSE_APPLICATION_RIGHT'
                              and e.occurred_at < h.occurred_at)
                """, prefix)).isPositive();
        assertThat(count("""
                select count(*) from case_history h join settlement_case s on s.id = h.case_id
                where s.permit_reference like :p and h.command = 'ACCEPT_APPLICATION' and h.from_status = 'AWAITING_APPLICATION'
                """, prefix)).isPositive();
        assertThat(count("""
                select count(*) from letter l join settlement_case s on s.id = l.case_id
                where s.permit_reference like :p and l.kind = 'FIRST_LETTER'
                """, prefix)).isPositive();
        // Issue 18 item 5 (demo.TwoStepDemo): a closing awaiting approval and one approved by a second caseworker.
        assertThat(count("""
                select count(*) from approval a join settlement_case s on s.id = a.case_id
                where s.permit_reference like :p and a.status = 'PENDING' and s.status = 'UNDER_MAPPING'
                """, prefix)).isPositive();
        assertThat(count("""
                select count(*) from approval a join settlement_case s on s.id = a.case_id
                where s.permit_reference like :p and a.status = 'APPROVED' and s.status = 'CLOSED' and a.decided_by <> a.proposed_by
                """, prefix)).isPositive();
        // Other tests share the database: the demo's own settings are at least these (it saves them last).
        assertThat(count("select count(*) from self_settlement_setting where accepts and :p <> ''", prefix)).isGreaterThanOrEqualTo(15L);
        assertThat(jdbc.sql("select municipality_number from self_settlement_setting where accepts").query(String.class).list())
                .contains("0301", "4601", "3205", "1804");
        assertThat(jdbc.sql("select cap_percent from self_settlement_setting where municipality_number in ('0301', '4601', '3205', '1804')")
                .query(Integer.class).list()).hasSize(4).allMatch(cap -> cap >= 25 && cap <= 50);
        Map<String, Long> requests = countBy("""
                select r.status, count(*) from self_settlement_request r join settlement_case s on s.id = r.case_id
                where s.permit_reference like :p group by r.status
                """, prefix);
        System.out.println("ASB requests: " + requests);
        assertThat(requests.keySet()).containsExactlyInAnyOrder("REQUESTED", "UNDER_MUNICIPAL_CHECK", "FORWARDED", "APPROVED",
                "REFUSED", "WITHDRAWN", "DWELLING_LOST");
        Map<String, Long> reasons = countBy("""
                select r.refusal_reason, count(*) from self_settlement_request r join settlement_case s on s.id = r.case_id
                where s.permit_reference like :p and r.status = 'REFUSED' group by r.refusal_reason
                """, prefix);
        System.out.println("ASB refusal reasons: " + reasons);
        assertThat(reasons).containsKeys("ALREADY_ALLOCATED", "LEASE_REQUIREMENTS");
        assertThat(count("""
                select count(*) from settlement_decision d join self_settlement_request r on r.case_id = d.case_id
                join settlement_case s on s.id = r.case_id
                where s.permit_reference like :p and r.status = 'APPROVED' and d.status in ('OFFERED', 'SETTLED')
                """, prefix)).isPositive();
        assertThat(count("""
                select count(*) from self_settlement_window w join settlement_case s on s.id = w.case_id
                where s.permit_reference like :p and w.closed_at is null
                """, prefix)).as("opt-in windows open").isPositive();
        assertThat(count("""
                select count(*) from municipality_initiated_self_settlement m join settlement_case s on s.id = m.case_id
                where s.permit_reference like :p
                """, prefix)).isPositive();

        Map<String, Long> applications = countBy("""
                select a.status, count(*) from settlement_application a join person p on p.duf_number = a.duf_number
                join settlement_case s on s.id = p.case_id where s.permit_reference like :p group by a.status
                """, prefix);
        System.out.println("Applications: " + applications);
        assertThat(applications.keySet()).contains("SUBMITTED", "ACCEPTED", "REFUSED");
        assertThat(count("""
                select count(*) from settlement_application a join person p on p.duf_number = a.duf_number
                join settlement_case s on s.id = p.case_id
                where s.permit_reference like :p and a.submitted_at < s.created_at
                """, prefix)).as("sent before the permit").isPositive();

        assertThat(jdbc.sql("select count(distinct municipality_number) from message_thread where kind = 'MUNICIPALITY' and municipality_number in (:m)")
                .param("m", DemoCatalogue.demoMunicipalities()).query(Long.class).single()).isEqualTo(DemoCatalogue.demoMunicipalities().size());
        assertThat(count("""
                select count(*) from message_thread t join settlement_case s on s.id = t.case_id
                where t.kind = 'CASE' and s.permit_reference like :p
                """, prefix)).as("case threads").isPositive();
        assertThat(count("""
                select count(*) from message m join message_thread t on t.id = m.thread_id
                left join message_read r on r.thread_id = t.id and r.username = 'kommune-oslo'
                where t.municipality_number = '0301' and m.side = 'AGENCY' and m.id > coalesce(r.last_read_message_id, 0)
                and :p <> ''
                """, prefix)).as("unread for kommune-oslo").isPositive();

        Map<String, Long> reconsiderations = countBy("""
                select r.status, count(*) from reconsideration r join settlement_case s on s.id = r.case_id
                where s.permit_reference like :p group by r.status
                """, prefix);
        System.out.println("Reconsiderations: " + reconsiderations);
        assertThat(reconsiderations.keySet()).contains("REQUESTED", "MUNICIPALITY_INFORMED", "REFUSED");

        assertThat(count("""
                select count(*) from letter l join settlement_case s on s.id = l.case_id where s.permit_reference like :p
                """, prefix)).as("letters from the decisions").isPositive();
        // Household changes (issue 20 items 1 and 10): a reunified member, a D-number replaced, a split household.
        assertThat(count("""
                select count(*) from person p join settlement_case s on s.id = p.case_id
                where s.permit_reference like :p and p.joined_reason = 'FAMILY_REUNIFICATION'
                """, prefix)).as("reunified members").isPositive();
        assertThat(count("""
                select count(*) from person_identity i join person p on p.id = i.person_id
                join settlement_case s on s.id = p.case_id
                where s.permit_reference like :p and i.kind = 'D_NUMBER' and i.valid_to is not null
                  and exists (select 1 from person_identity n where n.person_id = p.id and n.kind = 'NATIONAL_ID')
                """, prefix)).as("D-numbers replaced by national identity numbers").isPositive();
        assertThat(count("""
                select count(*) from case_history h join settlement_case s on s.id = h.case_id
                where s.permit_reference like :p and h.command = 'SPLIT_HOUSEHOLD' and h.from_status is null
                """, prefix)).as("households split into a case of their own").isPositive();
    }

    private Map<String, Long> countBy(String sql, String pattern) {
        Map<String, Long> result = new java.util.TreeMap<>();
        jdbc.sql(sql).param("p", pattern).query((rs, n) -> result.put(rs.getString(1), rs.getLong(2))).list();
        return result;
    }

    private long count(String sql, String pattern) {
        return jdbc.sql(sql).param("p", pattern).query(Long.class).single();
    }

    /**
     * Issue 16 point 13: Bergen and the other demo municipalities register dwellings through the housing commands, so an
     * accepted household waiting for settlement is shown vacant dwellings that fit, and some households already have one
     * reserved.
     */
    private void housingWorkThroughTheCommands(String prefix) {
        assertThat(count("select count(*) from dwelling where municipality_number = :p", "4601")).isGreaterThanOrEqualTo(4);
        for (DemoCatalogue.Login l : DemoCatalogue.LOGINS) {
            if (l.municipalityNumber() != null) {
                assertThat(count("select count(*) from dwelling where municipality_number = :p", l.municipalityNumber()))
                        .as("dwellings in %s", l.municipalityNumber()).isPositive();
            }
        }
        assertThat(count("""
                select count(*) from dwelling d join settlement_case c on c.id = d.reserved_case_id
                where d.status = 'RESERVED' and c.permit_reference like :p""", prefix)).isPositive();
        List<Map<String, Object>> waiting = jdbc.sql("""
                select c.id, c.settlement_municipality from settlement_case c
                where c.permit_reference like :p and c.status = 'OFFERED'
                  and not exists (select 1 from dwelling d where d.reserved_case_id = c.id)
                """).param("p", prefix).query().listOfRows();
        assertThat(waiting).isNotEmpty();
        boolean anyMatch = waiting.stream().anyMatch(r -> {
            String m = (String) r.get("settlement_municipality");
            Actor officer = new Actor("kommune-" + m, "Kommune " + m, Role.MUNICIPALITY_OFFICER, m, null);
            return !housingMatches.suggestions(officer, ((Number) r.get("id")).longValue()).isEmpty();
        });
        assertThat(anyMatch).as("an accepted household is shown dwellings that fit").isTrue();
    }
}
