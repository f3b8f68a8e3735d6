package no.bosetting.messages;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.municipalities.Municipalities;
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

    /**
     * The actor's threads, unread first, then the most recent. The agency sees every thread that has
     * messages; a municipality its general thread and the threads of the cases it may still write about.
     */
    @Transactional(readOnly = true)
    public List<ThreadRow> inbox(Actor actor) {
        List<ThreadRow> rows;
        if (actor.isAgency()) {
            rows = rows(" where t.last_message_at is not null", Map.of(), actor, Side.MUNICIPALITY);
        } else if (actor.role() == Role.MUNICIPALITY_OFFICER) {
            rows = new ArrayList<>(rows(MUNICIPALITY_MAY_USE, Map.of("own", actor.municipalityNumber()), actor, Side.AGENCY));
            if (rows.stream().noneMatch(r -> r.ref().kind() == ThreadKind.MUNICIPALITY)) {
                // The general thread is always there for the municipality, also before anyone has written in it.
                rows.add(new ThreadRow(ThreadRef.notStarted(ThreadKind.MUNICIPALITY, null, actor.municipalityNumber()), null,
                        municipalities.name(actor.municipalityNumber()), null, null, null, 0, 0));
            }
        } else {
            return List.of();
        }
        return rows.stream().sorted(Comparator.comparing((ThreadRow r) -> r.unread() == 0)
                .thenComparing(r -> r.lastMessageAt(), Comparator.nullsLast(Comparator.reverseOrder()))).toList();
    }

    /**
     * Unread messages for the navigation: a municipality officer counts its inbox; an agency user the
     * threads where they are the agency's contact or no contact has taken the thread yet.
     */
    @Transactional(readOnly = true)
    public long unreadTotal(Actor actor) {
        if (actor.isAgency()) {
            return rows(" where t.last_message_at is not null and (t.agency_contact_username = :me or t.agency_contact_username is null)",
                    Map.of("me", actor.username()), actor, Side.MUNICIPALITY).stream().mapToLong(ThreadRow::unread).sum();
        }
        if (actor.role() == Role.MUNICIPALITY_OFFICER) {
            return rows(MUNICIPALITY_MAY_USE, Map.of("own", actor.municipalityNumber()), actor, Side.AGENCY).stream()
                    .mapToLong(ThreadRow::unread).sum();
        }
        return 0;
    }

    private List<ThreadRow> rows(String where, Map<String, Object> params, Actor actor, Side otherSide) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("u", actor.username());
        all.put("other", otherSide.name());
        return jdbc.sql("select " + MessageThreads.THREAD_COLUMNS + """
                        , c.reference,
                        (select count(*) from message m where m.thread_id = t.id) as messages,
                        (select count(*) from message m where m.thread_id = t.id and m.side = :other
                            and m.id > coalesce((select r.last_read_message_id from message_read r
                                                 where r.thread_id = t.id and r.username = :u), 0)) as unread
                        from message_thread t left join settlement_case c on c.id = t.case_id
                        """ + where + " order by t.last_message_at desc nulls last, t.id desc limit 500")
                .params(all)
                .query((rs, n) -> new ThreadRow(MessageThreads.ref(rs), rs.getString("reference"),
                        municipalities.name(rs.getString("municipality_number")),
                        rs.getString("municipality_contact_name"), rs.getString("agency_contact_name"),
                        rs.getObject("last_message_at", OffsetDateTime.class), rs.getLong("messages"), rs.getLong("unread")))
                .list();
    }
}
