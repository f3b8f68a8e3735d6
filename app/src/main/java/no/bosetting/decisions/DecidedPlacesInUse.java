package no.bosetting.decisions;

import no.bosetting.planning.PlacesInUse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The places used as the place rule counts them, for planning's check that a decided number is not below them. */
@Component
class DecidedPlacesInUse implements PlacesInUse {

    private final JdbcClient jdbc;

    DecidedPlacesInUse(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Used used(String municipalityNumber, int from, int to) {
        int[] c = PlaceRule.counted(jdbc, municipalityNumber, from, to);
        return new Used(c[0] + c[1], c[2], c[3]);
    }
}
