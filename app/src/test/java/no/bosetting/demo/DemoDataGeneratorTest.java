package no.bosetting.demo;

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

    private long count(String sql, String pattern) {
        return jdbc.sql(sql).param("p", pattern).query(Long.class).single();
    }
}
