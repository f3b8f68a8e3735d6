package no.bosetting.shared.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's in-app notifications. */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long unread(String username) {
        return jdbc.sql("select count(*) from notification where recipient = :u and read_at is null")
                .param("u", username).query(Long.class).single();
    }

    public List<Notification> latest(String username, int limit) {
        return jdbc.sql("select id, subject, body, case_id, created_at, read_at from notification where recipient = :u order by created_at desc, id desc limit :l")
                .param("u", username).param("l", limit)
                .query((rs, n) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    /** The list's one order: newest first. */
    public static final List<no.bosetting.shared.web.SortKey> ORDER = List.of(
            new no.bosetting.shared.web.SortKey("created", "created_at, id", "created_at desc, id desc"));

    /** One page of the user's notifications, newest first, with the count of all (issue 16 point 4: cut at 100). */
    public no.bosetting.shared.web.ListPage<Notification> page(String username, no.bosetting.shared.web.PageRequest page,
                                                              java.util.Map<String, String> filters) {
        long total = jdbc.sql("select count(*) from notification where recipient = :u").param("u", username).query(Long.class).single();
        List<Notification> rows = jdbc.sql("select id, subject, body, case_id, created_at, read_at from notification where recipient = :u"
                        + " order by " + page.orderBy() + " limit :l offset :o")
                .param("u", username).param("l", page.size()).param("o", page.offset())
                .query((rs, n) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
                .list();
        return page.result(rows, total, filters);
    }

    @Transactional
    public void markAllRead(String username) {
        jdbc.sql("update notification set read_at = :now where recipient = :u and read_at is null")
                .param("now", OffsetDateTime.now(clock)).param("u", username).update();
    }

    /**
     * Marks read the unread notifications of {@code recipients} about {@code caseIds}: news about a household the
     * recipient has nothing left to do with (issue 16 point 9). Returns how many were marked.
     */
    @Transactional
    public int markReadAboutCases(java.util.Collection<String> recipients, java.util.Collection<Long> caseIds) {
        if (recipients.isEmpty() || caseIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update notification set read_at = :now where read_at is null and recipient in (:r) and case_id in (:c)")
                .param("now", OffsetDateTime.now(clock)).param("r", recipients).param("c", caseIds).update();
    }

    public record Notification(long id, String subject, String body, Long caseId, OffsetDateTime createdAt,
                               OffsetDateTime readAt) {
    }
}
