package no.bosetting.shared.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's in-app notifications, in the reader's language (the request's locale): a notification worded from message
 * keys ({@link Wording}) is worded again in that language; one stored as text only (from before V55) shows its text.
 */
@Service
public class Notifications {

    private static final String COLUMNS = "id, subject, body, case_id, created_at, read_at, subject_key, subject_args, body_key, body_args";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageSource messages;

    public Notifications(JdbcClient jdbc, Clock clock, MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
    }

    public long unread(String username) {
        return jdbc.sql("select count(*) from notification where recipient = :u and read_at is null")
                .param("u", username).query(Long.class).single();
    }

    public List<Notification> latest(String username, int limit) {
        Locale locale = LocaleContextHolder.getLocale();
        return jdbc.sql("select " + COLUMNS + " from notification where recipient = :u order by created_at desc, id desc limit :l")
                .param("u", username).param("l", limit)
                .query((rs, n) -> row(rs, locale))
                .list();
    }

    /** The list's one order: newest first. */
    public static final List<no.bosetting.shared.web.SortKey> ORDER = List.of(
            new no.bosetting.shared.web.SortKey("created", "created_at, id", "created_at desc, id desc"));

    /** One page of the user's notifications, newest first, with the count of all (issue 16 point 4: cut at 100). */
    public no.bosetting.shared.web.ListPage<Notification> page(String username, no.bosetting.shared.web.PageRequest page,
                                                              java.util.Map<String, String> filters) {
        long total = jdbc.sql("select count(*) from notification where recipient = :u").param("u", username).query(Long.class).single();
        Locale locale = LocaleContextHolder.getLocale();
        List<Notification> rows = jdbc.sql("select " + COLUMNS + " from notification where recipient = :u"
                        + " order by " + page.orderBy() + " limit :l offset :o")
                .param("u", username).param("l", page.size()).param("o", page.offset())
                .query((rs, n) -> row(rs, locale))
                .list();
        return page.result(rows, total, filters);
    }

    private Notification row(ResultSet rs, Locale locale) throws SQLException {
        return new Notification(rs.getLong("id"),
                worded(rs.getString("subject"), rs.getString("subject_key"), rs.getString("subject_args"), locale),
                worded(rs.getString("body"), rs.getString("body_key"), rs.getString("body_args"), locale),
                (Long) rs.getObject("case_id"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("read_at", OffsetDateTime.class));
    }

    /** The text in the reader's language when there is a wording; the stored (Norwegian) text otherwise. */
    private String worded(String stored, String key, String args, Locale locale) {
        return Wording.storedIn(key, args, stored, messages, locale);
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
