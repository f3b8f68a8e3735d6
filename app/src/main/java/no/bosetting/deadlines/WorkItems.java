package no.bosetting.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Work lists: the open work items addressed to a person, directly or through their group (their
 * municipality's officers, their centre's staff, the agency's caseworkers, the refugee's own DUF
 * username). Nobody sees another unit's items.
 */
@Service
public class WorkItems {

    /** The order of a work list. */
    public enum Sort {
        /** Earliest due date first: the most overdue on top. */
        DUE,
        /** Latest reported first. */
        NEWEST
    }

    private static final String SELECT = """
            select id, rule_code, item_key, stage, recipient, title, detail, case_id, due_date, link, created_at, resolved_at,
                   title_key, title_args, detail_key, detail_args
            from work_item
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UserAccounts users;

    public WorkItems(JdbcClient jdbc, Clock clock, UserAccounts users) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.users = users;
    }

    /** The recipients whose items the actor sees: their own username and their group. */
    public static List<String> recipientsOf(Actor actor) {
        List<String> recipients = new ArrayList<>();
        recipients.add(actor.username());
        if (actor.role() == Role.MUNICIPALITY_OFFICER && actor.municipalityNumber() != null) {
            recipients.add("municipality:" + actor.municipalityNumber());
        } else if (actor.role() == Role.RECEPTION_STAFF && actor.receptionCentreId() != null) {
            recipients.add("reception:" + actor.receptionCentreId());
        } else if (actor.role() == Role.AGENCY_CASEWORKER) {
            recipients.add("agency");
        }
        return recipients;
    }

    /** The usernames a recipient (a username or a group) stands for, to notify each of them. */
    public List<String> usernamesOf(String recipient) {
        if (recipient.startsWith("municipality:")) {
            return users.usernamesForMunicipality(recipient.substring("municipality:".length()));
        }
        if (recipient.startsWith("reception:")) {
            try {
                return users.usernamesForReceptionCentre(Long.parseLong(recipient.substring("reception:".length())));
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        if (recipient.equals("agency")) {
            return users.usernamesForAgencyCaseworkers();
        }
        // A username, or a refugee's duf:<number>, which is the refugee's username.
        return List.of(recipient);
    }

    public List<WorkItem> open(Actor actor, Sort sort, int limit) {
        String order = sort == Sort.NEWEST ? " order by created_at desc, id desc" : " order by due_date, created_at, id";
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(SELECT + " where resolved_at is null and recipient in (:r)" + order + " limit :limit")
                .param("r", recipientsOf(actor)).param("limit", limit)
                .query((rs, n) -> row(rs, today)).list();
    }

    /**
     * The work list's orders (issue 16 point 4): {@code frist} = oldest due date first (default), {@code nyeste} = newest
     * first; the names are the ones the page has always used in its address.
     */
    public static final List<no.bosetting.shared.web.SortKey> SORT_KEYS = List.of(
            new no.bosetting.shared.web.SortKey("frist", "due_date, created_at, id", "due_date desc, created_at desc, id desc"),
            new no.bosetting.shared.web.SortKey("nyeste", "created_at desc, id desc", "created_at, id"));

    /** One page of the actor's open items, with the count of all of them. */
    public no.bosetting.shared.web.ListPage<WorkItem> open(Actor actor, no.bosetting.shared.web.PageRequest request,
                                                         java.util.Map<String, String> filters) {
        LocalDate today = LocalDate.now(clock);
        List<WorkItem> items = jdbc.sql(SELECT + " where resolved_at is null and recipient in (:r) order by " + request.orderBy()
                        + " limit :limit offset :offset")
                .param("r", recipientsOf(actor)).param("limit", request.size()).param("offset", request.offset())
                .query((rs, n) -> row(rs, today)).list();
        return request.result(items, openCount(actor), filters);
    }

    /** Open items past their due date (the same rule as {@link WorkItem#overdue()}: due before today). */
    public long overdueCount(Actor actor) {
        return jdbc.sql("select count(*) from work_item where resolved_at is null and recipient in (:r) and due_date < :today")
                .param("r", recipientsOf(actor)).param("today", LocalDate.now(clock)).query(Long.class).single();
    }

    public long openCount(Actor actor) {
        return jdbc.sql("select count(*) from work_item where resolved_at is null and recipient in (:r)")
                .param("r", recipientsOf(actor)).query(Long.class).single();
    }

    /** The actor's items resolved lately (newest first), so one can see what went away and why. */
    public List<WorkItem> recentlyResolved(Actor actor, int days, int limit) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(SELECT + " where resolved_at is not null and resolved_at > :since and recipient in (:r) order by resolved_at desc, id desc limit :limit")
                .param("since", OffsetDateTime.now(clock).minusDays(days)).param("r", recipientsOf(actor)).param("limit", limit)
                .query((rs, n) -> row(rs, today)).list();
    }

    /** Every item of a rule and item key, open or resolved, e.g. to follow one proposal's stages. */
    public List<WorkItem> forItem(String ruleCode, String itemKey) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(SELECT + " where rule_code = :c and item_key = :k order by id")
                .param("c", ruleCode).param("k", itemKey).query((rs, n) -> row(rs, today)).list();
    }

    private static WorkItem row(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        OffsetDateTime resolved = rs.getObject("resolved_at", OffsetDateTime.class);
        return new WorkItem(rs.getLong("id"), rs.getString("rule_code"), rs.getString("item_key"), rs.getString("stage"),
                rs.getString("recipient"), rs.getString("title"), rs.getString("detail"), (Long) rs.getObject("case_id"), due,
                rs.getString("link"), rs.getObject("created_at", OffsetDateTime.class), resolved,
                resolved == null && due.isBefore(today), rs.getString("title_key"), strings(rs.getArray("title_args")),
                rs.getString("detail_key"), strings(rs.getArray("detail_args")));
    }

    private static String[] strings(java.sql.Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
