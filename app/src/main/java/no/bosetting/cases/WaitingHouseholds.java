package no.bosetting.cases;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The households already waiting for a settlement place, for the plan's forecast: open cases that no municipality has
 * accepted yet (under mapping, ready for allocation, proposed), counted per household type, living situation and
 * settlement target date ({@link SettlementTarget}). Counts only, no person, so reading them is not logged.
 */
@Service
@Transactional(readOnly = true)
public class WaitingHouseholds {

    private final JdbcClient jdbc;

    public WaitingHouseholds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Households and persons waiting, grouped by household type, living privately or not, and target date. */
    public List<Waiting> waiting() {
        return jdbc.sql("""
                select household_type, living_situation = 'PRIVATE', permit_date, count(*), sum(persons)
                from settlement_case where status in ('UNDER_MAPPING', 'READY_FOR_ALLOCATION', 'PROPOSED')
                group by household_type, living_situation = 'PRIVATE', permit_date
                order by permit_date, household_type
                """)
                .query((rs, n) -> {
                    HouseholdType type = HouseholdType.valueOf(rs.getString(1));
                    return new Waiting(type, rs.getBoolean(2), SettlementTarget.dueDate(rs.getObject(3, LocalDate.class), type),
                            rs.getInt(4), rs.getInt(5));
                })
                .list();
    }

    /** Waiting households of one type, living situation and settlement target date. */
    public record Waiting(HouseholdType type, boolean livingPrivately, LocalDate targetDate, int households, int persons) {
    }
}
