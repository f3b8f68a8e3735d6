package no.bosetting.concerns;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import no.bosetting.access.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every read of a concern report: who, when, where. Kept apart from the person access log, whose purposes other staff
 * read on the case page, so the log itself never tells anyone undesignated that a report exists. Written in its own
 * transaction, so a read that fails later is still logged.
 */
@Service
public class ConcernAccessLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    ConcernAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Actor actor, Long reportId, Long caseId, String purpose) {
        jdbc.sql("""
                insert into concern_access_log (report_id, case_id, accessed_at, username, role, purpose)
                values (:r, :c, :at, :u, :role, :p)
                """).param("r", reportId).param("c", caseId).param("at", OffsetDateTime.now(clock))
                .param("u", actor.username()).param("role", actor.role().name()).param("p", purpose).update();
    }

    /** The latest reads of a report, newest first (the report page shows them). */
    @Transactional(readOnly = true)
    public List<Entry> reads(long reportId, int limit) {
        return jdbc.sql("""
                select accessed_at, username, purpose from concern_access_log where report_id = :r
                order by accessed_at desc, id desc limit :l
                """).param("r", reportId).param("l", limit)
                .query((rs, n) -> new Entry(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3))).list();
    }

    @Transactional(readOnly = true)
    public long count(long reportId) {
        return jdbc.sql("select count(*) from concern_access_log where report_id = :r").param("r", reportId).query(Long.class).single();
    }

    public record Entry(OffsetDateTime accessedAt, String username, String purpose) {
    }
}
