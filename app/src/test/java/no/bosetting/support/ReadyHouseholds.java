package no.bosetting.support;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generated ready-for-allocation households for the engine review benchmarks (issue 23 item 3): straight into the
 * table, without interview answers, permit dates {@code daysAgo}…{@code daysAgo + 9} days back, so a filter on days
 * waited picks out exactly the benchmark's households.
 */
public final class ReadyHouseholds {

    private ReadyHouseholds() {
    }

    public static void seed(JdbcClient jdbc, int n, int daysAgo) {
        LocalDate today = TestClock.today();
        jdbc.sql("""
                insert into settlement_case (reference, permit_reference, permit_type, permit_date, status, household_type, persons,
                    children, unaccompanied_minor, living_situation, status_changed_at, created_at, created_by, updated_at, updated_by)
                select 'RB-' || :salt || '-' || g, 'RB-' || :salt || '-' || g, 'COLLECTIVE_PROTECTION', :today - (:days + g % 10),
                    'READY_FOR_ALLOCATION',
                    (array['SINGLE_MAN','SINGLE_WOMAN','SINGLE_ADULT_WITH_CHILDREN','COUPLE_WITHOUT_CHILDREN','COUPLE_WITH_CHILDREN','SINGLE_MAN'])[1 + g % 6],
                    (array[1, 1, 3, 2, 4, 1])[1 + g % 6], (array[0, 0, 2, 0, 2, 0])[1 + g % 6], false, 'RECEPTION_CENTRE', now(),
                    now(), 'bench', now(), 'bench'
                from generate_series(1, :n) g
                """)
                .param("salt", Fixtures.next()).param("today", today).param("days", daysAgo).param("n", n).update();
    }
}
