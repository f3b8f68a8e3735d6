package no.bosetting.decisions;

import java.util.HashMap;
import java.util.Map;

import no.bosetting.planning.SettlementHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Persons settled per municipality over a span of years, for planning's "settlement experience" criterion. */
@Component
class SettledPersonsHistory implements SettlementHistory {

    private final JdbcClient jdbc;

    SettledPersonsHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> settledPersons(int fromYear, int toYear) {
        Map<String, Integer> result = new HashMap<>();
        jdbc.sql("""
                select municipality_number, count(*) from settlement_decision
                where status = 'SETTLED' and settlement_date >= make_date(:from, 1, 1) and settlement_date < make_date(:to + 1, 1, 1)
                group by municipality_number
                """)
                .param("from", fromYear).param("to", toYear)
                .query((rs, n) -> result.put(rs.getString(1), rs.getInt(2))).list();
        return result;
    }
}
