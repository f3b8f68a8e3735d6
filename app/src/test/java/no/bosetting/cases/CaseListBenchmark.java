package no.bosetting.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Case-list speed with a national caseload: ~17,000 households / 40,000 persons. Prints one JSON
 * line per query shape (median and worst of repeated runs). Run with bin/bench-caselist.
 */
@IntegrationTest
@Tag("benchmark")
class CaseListBenchmark {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseQueries queries;
    @Autowired
    Fixtures fixtures;

    @Test
    void listPagesStayFastWithFortyThousandPersons() {
        long centre = fixtures.centre("0301");
        long t0 = System.nanoTime();
        seed(centre, 17_000);
        long persons = jdbc.sql("select count(*) from person").query(Long.class).single();
        System.out.printf("{\"benchmark\":\"caselist-seed\",\"households\":%d,\"persons\":%d,\"seconds\":%.1f}%n",
                jdbc.sql("select count(*) from settlement_case").query(Long.class).single(), persons, (System.nanoTime() - t0) / 1e9);
        jdbc.sql("analyze").update();

        Actor agency = fixtures.caseworker();
        Actor reception = fixtures.reception(centre);
        measure("all-first-page", agency, CaseFilter.none(), 0);
        measure("all-page-100", agency, CaseFilter.none(), 100);
        measure("all-last-page", agency, CaseFilter.none(), (int) (queries.search(CaseFilter.none(), agency, 0, 50).total() / 50));
        measure("ready", agency, CaseFilter.status(CaseStatus.READY_FOR_ALLOCATION), 0);
        measure("long-waiting-families", agency, new CaseFilter(null, null, 90, null, HouseholdType.COUPLE_WITH_CHILDREN, null, null, null, null), 0);
        measure("municipality-oslo", agency, new CaseFilter(null, "0301", null, null, null, null, null, null, null), 0);
        measure("minors-amot", agency, new CaseFilter(null, null, null, null, null, true, LivingSituation.AMOT, null, null), 0);
        measure("reference-search", agency, new CaseFilter(null, null, null, null, null, null, null, null, "BS-2026-0001"), 0);
        measure("reception-scope", reception, CaseFilter.none(), 0);
    }

    private void measure(String name, Actor actor, CaseFilter filter, int page) {
        List<Long> times = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < 21; i++) {
            long t = System.nanoTime();
            total = queries.search(filter, actor, page, 50).total();
            times.add(System.nanoTime() - t);
        }
        times.sort(Long::compare);
        System.out.printf("{\"benchmark\":\"caselist\",\"query\":\"%s\",\"page\":%d,\"matches\":%d,\"medianMs\":%.1f,\"maxMs\":%.1f}%n",
                name, page, total, times.get(times.size() / 2) / 1e6, times.get(times.size() - 1) / 1e6);
    }

    /** Bulk rows straight into the tables: the benchmark measures reads, not the import path. */
    private void seed(long centre, int households) {
        LocalDate today = TestClock.today();
        jdbc.sql("""
                insert into settlement_case (reference, permit_reference, permit_type, permit_date, status, household_type, persons,
                    children, unaccompanied_minor, living_situation, reception_centre_id, living_municipality_number,
                    settlement_municipality, status_changed_at, created_at, created_by, updated_at, updated_by)
                select 'BENCH-' || g, 'BENCH-' || g || '-' || :salt, 'COLLECTIVE_PROTECTION', :today - (g % 365),
                    (array['UNDER_MAPPING','READY_FOR_ALLOCATION','PROPOSED','OFFERED','SETTLED','SETTLED','SETTLED','DECLINED','CLOSED'])[1 + g % 9],
                    (array['SINGLE_MAN','SINGLE_WOMAN','SINGLE_ADULT_WITH_CHILDREN','COUPLE_WITHOUT_CHILDREN','COUPLE_WITH_CHILDREN','UNACCOMPANIED_MINOR'])[1 + g % 6],
                    1 + (g % 4), g % 3, g % 6 = 5,
                    (array['RECEPTION_CENTRE','RECEPTION_CENTRE','RECEPTION_CENTRE','AMOT','MAMOT','PRIVATE','EMERGENCY_ACCOMMODATION'])[1 + g % 7],
                    case when g % 50 = 0 then :centre else null end,
                    (select number from municipality order by number offset (g % 357) limit 1),
                    case when g % 9 in (3, 4, 5, 6) then (select number from municipality order by number offset ((g * 7) % 357) limit 1) end,
                    now(), now(), 'bench', now(), 'bench'
                from generate_series(1, :n) g
                """)
                .param("salt", Fixtures.next()).param("today", today).param("centre", centre).param("n", households).update();
        jdbc.sql("""
                insert into person (case_id, duf_number, given_name, family_name, birth_date, sex, citizenship, relation,
                    created_at, created_by, updated_at, updated_by)
                select c.id, lpad((900000000000 + c.id * 10 + i)::text, 12, '0'), 'Bench', 'Testesen', date '1990-01-01' + (c.id % 9000)::int,
                    case when i % 2 = 0 then 'F' else 'M' end, 'UKR', case when i = 0 then 'MAIN' else 'CHILD' end,
                    now(), 'bench', now(), 'bench'
                from settlement_case c cross join generate_series(0, 3) i
                where c.created_by = 'bench' and i < c.persons
                """).update();
    }
}
