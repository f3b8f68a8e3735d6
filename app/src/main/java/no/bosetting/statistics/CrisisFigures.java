package no.bosetting.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily national figures while crisis mode is on (issue 18 item 1), for the public statistics page: persons settled
 * and joint fast-track applications accepted per day since the crisis began (the last {@value #DAYS} days), and now:
 * persons waiting for settlement and persons under the temporary reception scheme, with the time of the figures.
 * National totals only (no municipality, no small cells). Empty when crisis mode is off.
 */
@Service
public class CrisisFigures {

    static final int DAYS = 14;

    private final JdbcClient jdbc;
    private final Clock clock;

    public CrisisFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One day's figures. */
    public record Day(LocalDate day, long settledPersons, long fastTrackAccepted) {
    }

    /** The figures at {@code at}: per day, newest first, and the current totals. */
    public record Figures(OffsetDateTime at, LocalDate crisisSince, String schemeName, long waitingPersons, long underSchemePersons,
                          long settledSinceStart, long fastTrackSinceStart, List<Day> days) {
    }

    /** Today's figures, or empty when crisis mode is off (the page asks: {@code @crisisFigures.today()}). */
    @Transactional(readOnly = true)
    public Optional<Figures> today() {
        LocalDate today = LocalDate.now(clock);
        Optional<Map.Entry<LocalDate, String>> crisis = jdbc.sql("""
                select starts_on, scheme_name from crisis_period where starts_on <= :d and (ends_on is null or ends_on >= :d)
                order by starts_on desc limit 1
                """)
                .param("d", today).query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getString(2) == null ? "" : rs.getString(2)))
                .optional();
        if (crisis.isEmpty()) {
            return Optional.empty();
        }
        LocalDate since = crisis.get().getKey();
        LocalDate first = since.isAfter(today.minusDays(DAYS - 1)) ? since : today.minusDays(DAYS - 1);
        Map<LocalDate, Long> settled = new HashMap<>();
        jdbc.sql("""
                select settlement_date, count(*) from settlement_decision
                where status = 'SETTLED' and settlement_date between :f and :t group by settlement_date
                """)
                .param("f", first).param("t", today).query((rs, n) -> settled.put(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        Map<LocalDate, Long> fastTrack = new HashMap<>();
        jdbc.sql("""
                select (decided_at at time zone 'Europe/Oslo')::date, count(*) from fast_track_application
                where status = 'ACCEPTED' and (decided_at at time zone 'Europe/Oslo')::date between :f and :t group by 1
                """)
                .param("f", first).param("t", today).query((rs, n) -> fastTrack.put(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        List<Day> days = new ArrayList<>();
        for (LocalDate d = today; !d.isBefore(first); d = d.minusDays(1)) {
            days.add(new Day(d, settled.getOrDefault(d, 0L), fastTrack.getOrDefault(d, 0L)));
        }
        long waiting = jdbc.sql("""
                select coalesce(sum(persons), 0) from settlement_case
                where status in ('AWAITING_APPLICATION', 'UNDER_MAPPING', 'READY_FOR_ALLOCATION', 'PROPOSED', 'OFFERED', 'TEMPORARILY_ABSENT')
                """).query(Long.class).single();
        long underScheme = jdbc.sql("""
                select coalesce(sum(persons), 0) from settlement_case
                where living_situation = 'TEMPORARY_SCHEME'
                  and status in ('AWAITING_APPLICATION', 'UNDER_MAPPING', 'READY_FOR_ALLOCATION', 'PROPOSED', 'OFFERED', 'TEMPORARILY_ABSENT')
                """).query(Long.class).single();
        long settledSince = jdbc.sql("select count(*) from settlement_decision where status = 'SETTLED' and settlement_date between :f and :t")
                .param("f", since).param("t", today).query(Long.class).single();
        long fastTrackSince = jdbc.sql("""
                select count(*) from fast_track_application where status = 'ACCEPTED' and (decided_at at time zone 'Europe/Oslo')::date >= :f
                """).param("f", since).query(Long.class).single();
        return Optional.of(new Figures(OffsetDateTime.now(clock), since, crisis.get().getValue(), waiting, underScheme, settledSince,
                fastTrackSince, days));
    }
}
