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

    /** Persons logged per insert statement (a page of names is one statement, not one per person; issue 22 item 2). */
    static final int BATCH = 1000;

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRead(Actor actor, Collection<Long> personIds, String purpose) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> ids = List.copyOf(personIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            // One row per person, in the order given (ordinality), as the one-insert-per-person loop wrote them.
            jdbc.sql("""
                    insert into person_access_log (accessed_at, username, role, person_id, purpose)
                    select :at, :u, :r, p.id, :purpose from unnest(array[:p]::bigint[]) with ordinality as p(id, n) order by p.n
                    """)
                    .param("at", now).param("u", actor.username()).param("r", actor.role().name())
                    .param("p", ids.subList(from, Math.min(ids.size(), from + BATCH))).param("purpose", purpose)
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

    /** How many reads a page of the access log shows. */
    public static final int PAGE_SIZE = 50;

    /**
     * One page of the reads of these persons (a household), newest first, with the total count, so every read can
     * be reached and none is cut off silently. A page past the end shows the last page.
     */
    @Transactional(readOnly = true)
    public EntryPage forPersons(Collection<Long> personIds, int page, int size) {
        if (personIds.isEmpty()) {
            return new EntryPage(List.of(), 0, size, 0);
        }
        long total = jdbc.sql("select count(*) from person_access_log where person_id in (:p)").param("p", personIds)
                .query(Long.class).single();
        int last = (int) Math.max(0, (total - 1) / size);
        int shown = Math.max(0, Math.min(page, last));
        List<Entry> entries = jdbc.sql("""
                select person_id, accessed_at, username, role, purpose from person_access_log where person_id in (:p)
                order by accessed_at desc, id desc limit :limit offset :offset
                """)
                .param("p", personIds).param("limit", size).param("offset", (long) shown * size)
                .query((rs, n) -> new Entry(rs.getLong("person_id"), rs.getObject("accessed_at", OffsetDateTime.class),
                        rs.getString("username"), rs.getString("role"), rs.getString("purpose")))
                .list();
        return new EntryPage(entries, shown, size, total);
    }

    public record Entry(long personId, OffsetDateTime accessedAt, String username, String role, String purpose) {
    }

    /** A page of the access log: {@code page} counts from 0, {@code total} is every read, on any page. */
    public record EntryPage(List<Entry> entries, int page, int size, long total) {

        public int totalPages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return page + 1 < totalPages();
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }
}
