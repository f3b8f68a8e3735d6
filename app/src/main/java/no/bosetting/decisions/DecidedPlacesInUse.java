package no.bosetting.decisions;

import no.bosetting.planning.PlacesInUse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The places used as {@link PlacesUsed} counts them, for planning's check that a decided number is not below them. */
@Component
class DecidedPlacesInUse implements PlacesInUse {

    private final JdbcClient jdbc;

    DecidedPlacesInUse(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Used used(String municipalityNumber, int year) {
        return jdbc.sql(SettlementDecisions.PLACES_USED_SQL)
                .param("m", municipalityNumber).param("y", year)
                .query((rs, n) -> new Used(rs.getInt("settled") + rs.getInt("accepted"), rs.getInt("minors")))
                .single();
    }
}
