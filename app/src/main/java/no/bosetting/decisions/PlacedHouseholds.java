package no.bosetting.decisions;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The households whose places count in a year, as the place rule counts them (offered or settled, by the year of their
 * planned, then actual, settlement date): for read models that need more than the per-municipality totals, such as the
 * quarterly fairness report. Counting places stays in this module ({@code PlacesAreCountedOnlyByThePlaceRuleTest}).
 */
@Component
public class PlacedHouseholds {

    /**
     * A household's places in a municipality: {@code persons} with a place there, {@code placedOn} the settlement date once
     * settled, else the day the decision was made (Norwegian time).
     */
    public record Placed(long caseId, String municipalityNumber, int persons, LocalDate placedOn) {
    }

    private final JdbcClient jdbc;

    PlacedHouseholds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Placed> inYear(int year) {
        return jdbc.sql("""
                select d.case_id, d.municipality_number, count(*),
                       min(case when d.status = 'SETTLED' and d.settlement_date is not null then d.settlement_date
                                else (d.decided_at at time zone 'Europe/Oslo')::date end)
                from settlement_decision d
                where d.place_year = :y and d.status in ('OFFERED', 'SETTLED')
                group by d.case_id, d.municipality_number
                """)
                .param("y", year)
                .query((rs, n) -> new Placed(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class)))
                .list();
    }
}
