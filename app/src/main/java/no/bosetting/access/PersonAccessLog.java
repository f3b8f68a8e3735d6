package no.bosetting.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs every read of a person's identifying data: who, whose, when and where. Written in its own
 * transaction so a read that fails later is still logged.
 */
@Service
public class PersonAccessLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public PersonAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRead(Actor actor, Collection<Long> personIds, String purpose) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Long personId : personIds) {
            jdbc.sql("""
                    insert into person_access_log (accessed_at, username, role, person_id, purpose)
                    values (:at, :u, :r, :p, :purpose)
                    """)
                    .param("at", now).param("u", actor.username()).param("r", actor.role().name())
                    .param("p", personId).param("purpose", purpose)
                    .update();
        }
    }

    /**
     * Records a look-up by an identifier (such as a DUF number typed into a form), whether or not it matched
     * anyone and whatever the caller then showed: {@code personId} is the person it matched, or null.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordLookup(Actor actor, String identifier, Long personId, String purpose) {
        jdbc.sql("""
                insert into person_access_log (accessed_at, username, role, person_id, looked_up, purpose)
                values (:at, :u, :r, :p, :looked, :purpose)
                """)
                .param("at", OffsetDateTime.now(clock)).param("u", actor.username()).param("r", actor.role().name())
                .param("p", personId).param("looked", identifier).param("purpose", purpose)
                .update();
    }

    /** Every look-up of an identifier, newest first: who looked, when, why, and whether it matched a person. */
    public List<Lookup> lookupsOf(String identifier) {
        return jdbc.sql("""
                select accessed_at, username, role, purpose, person_id from person_access_log
                where looked_up = :i order by accessed_at desc, id desc limit 200
                """)
                .param("i", identifier)
                .query((rs, n) -> new Lookup(rs.getObject("accessed_at", OffsetDateTime.class), rs.getString("username"),
                        rs.getString("role"), rs.getString("purpose"), (Long) rs.getObject("person_id")))
                .list();
    }

    public record Lookup(OffsetDateTime accessedAt, String username, String role, String purpose, Long personId) {
    }

    public List<Entry> forPerson(long personId) {
        return jdbc.sql("select accessed_at, username, role, purpose from person_access_log where person_id = :p order by accessed_at desc, id desc limit 200")
                .param("p", personId)
                .query((rs, n) -> new Entry(rs.getObject("accessed_at", OffsetDateTime.class), rs.getString("username"),
                        rs.getString("role"), rs.getString("purpose")))
                .list();
    }

    public record Entry(OffsetDateTime accessedAt, String username, String role, String purpose) {
    }
}
