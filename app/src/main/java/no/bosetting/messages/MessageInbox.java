package no.bosetting.messages;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.web.ListPage;
import no.bosetting.shared.web.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actor's inbox and unread counts: the threads the actor may use ({@link MessageThreads}' scope rule, here in
 * SQL), each with its number of messages and of messages from the other side after the actor's read marker.
 */
@Service
public class MessageInbox {

    /**
     * The threads a municipality may use: its general thread, and the threads of cases proposed to it
     * (pending) or accepted by it — the same rule as {@link MessageThreads#involvedMunicipalities}, in SQL so
     * the inbox and the navigation count (on every page) cost one query instead of two per thread.
     */
    private static final String MUNICIPALITY_MAY_USE = """
             where t.municipality_number = :own
               and (t.kind = 'MUNICIPALITY' or c.settlement_municipality = :own
                    or exists (select 1 from proposal p where p.case_id = t.case_id and p.municipality_number = :own
                               and p.status in ('PENDING', 'ACCEPTED')))
            """;

    private final JdbcClient jdbc;
    private final Municipalities municipalities;

    public MessageInbox(JdbcClient jdbc, Municipalities municipalities) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
    }

    /** One page of the inbox: the threads shown with how many there are, the actor's general thread and the empty ones left out. */
    public record InboxPage(ListPage<ThreadRow> threads, ThreadRow general, long empty) {
    }

    /**
     * The inbox page (issue 16 point 9): threads with messages, latest first, paged with the total count; threads nobody
     * has written in are left out unless {@code withEmpty}. A municipality's general thread with the agency comes apart,
     * shown at the top whether anyone has written in it or not. The agency also sees the households' threads.
     */
    @Transactional(readOnly = true)
    public InboxPage page(Actor actor, boolean withEmpty, PageRequest page, Map<String, String> filters) {
        String where;
        Map<String, Object> params = new LinkedHashMap<>();
        Side own;
        ThreadRow general = null;
        if (actor.isAgency()) {
            where = " where " + (withEmpty ? "true" : "t.last_message_at is not null");
            own = Side.AGENCY;
        } else if (actor.role() == Role.MUNICIPALITY_OFFICER) {
            params.put("own", actor.municipalityNumber());
            own = Side.MUNICIPALITY;
            general = rows(MUNICIPALITY_MAY_USE + " and t.kind = 'MUNICIPALITY'", params, actor, own).stream().findFirst()
                    .orElse(new ThreadRow(ThreadRef.notStarted(ThreadKind.MUNICIPALITY, null, actor.municipalityNumber()), null,
                            municipalities.name(actor.municipalityNumber()), null, null, null, 0, 0));
            where = MUNICIPALITY_MAY_USE + " and t.kind <> 'MUNICIPALITY'" + (withEmpty ? "" : " and t.last_message_at is not null");
        } else {
            return new InboxPage(page.result(List.of(), 0, filters), null, 0);
        }
        String from = " from message_thread t left join settlement_case c on c.id = t.case_id ";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        String emptyWhere = actor.isAgency() ? " where t.last_message_at is null"
                : MUNICIPALITY_MAY_USE + " and t.kind <> 'MUNICIPALITY' and t.last_message_at is null";
        long empty = withEmpty ? 0 : jdbc.sql("select count(*)" + from + emptyWhere).params(params).query(Long.class).single();
        Map<String, Object> paged = new LinkedHashMap<>(params);
        paged.put("limit", page.size());
        paged.put("offset", page.offset());
        List<ThreadRow> rows = rows(where, paged, actor, own, " order by t.last_message_at desc nulls last, t.id desc limit :limit offset :offset");
        return new InboxPage(page.result(rows, total, filters), general, empty);
    }

    /**
     * Unread messages for the navigation: a municipality officer counts its inbox; an agency user the
     * threads where they are the agency's contact or no contact has taken the thread yet.
     */
    @Transactional(readOnly = true)
    public long unreadTotal(Actor actor) {
        if (actor.isAgency()) {
            return unread(" where t.last_message_at is not null and (t.agency_contact_username = :me or t.agency_contact_username is null)",
                    Map.of("me", actor.username()), actor, Side.AGENCY);
        }
        if (actor.role() == Role.MUNICIPALITY_OFFICER) {
            return unread(MUNICIPALITY_MAY_USE, Map.of("own", actor.municipalityNumber()), actor, Side.MUNICIPALITY);
        }
        return 0;
    }

    /**
     * The unread messages in the threads {@code where} selects, counted by the database: the badge on every page asks
     * this, so it neither reads the threads' rows nor stops at the inbox's first 500 threads, as a sum over the listed
     * rows did.
     */
    private long unread(String where, Map<String, Object> params, Actor actor, Side ownSide) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("u", actor.username());
        all.put("ownSide", ownSide.name());
        return jdbc.sql("""
                        select count(*) from message m join message_thread t on t.id = m.thread_id
                        left join settlement_case c on c.id = t.case_id
                        """ + where + """
                         and m.side <> :ownSide
                         and m.id > coalesce((select r.last_read_message_id from message_read r
                                              where r.thread_id = t.id and r.username = :u), 0)
                        """)
                .params(all).query(Long.class).single();
    }

    private List<ThreadRow> rows(String where, Map<String, Object> params, Actor actor, Side ownSide) {
        return rows(where, params, actor, ownSide, " order by t.last_message_at desc nulls last, t.id desc limit 500");
    }

    private List<ThreadRow> rows(String where, Map<String, Object> params, Actor actor, Side ownSide, String orderAndLimit) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("u", actor.username());
        all.put("ownSide", ownSide.name());
        return jdbc.sql("select " + MessageThreads.THREAD_COLUMNS + """
                        , c.reference,
                        (select count(*) from message m where m.thread_id = t.id) as messages,
                        (select count(*) from message m where m.thread_id = t.id and m.side <> :ownSide
                            and m.id > coalesce((select r.last_read_message_id from message_read r
                                                 where r.thread_id = t.id and r.username = :u), 0)) as unread
                        from message_thread t left join settlement_case c on c.id = t.case_id
                        """ + where + orderAndLimit)
                .params(all)
                .query((rs, n) -> new ThreadRow(MessageThreads.ref(rs), rs.getString("reference"),
                        municipalities.name(rs.getString("municipality_number")),
                        rs.getString("municipality_contact_name"), rs.getString("agency_contact_name"),
                        rs.getObject("last_message_at", OffsetDateTime.class), rs.getLong("messages"), rs.getLong("unread")))
                .list();
    }
}
