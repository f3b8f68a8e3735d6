package no.bosetting.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.messages.MessageThreads;
import no.bosetting.messages.ThreadMessages;
import no.bosetting.selfservice.RefugeeMessages;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Households writing with IMDi from Min side (issue 16 point 2), through the real commands after the year is replayed:
 * a household with an offer asks about the move and `saksbehandler` answers; one asks and waits for an answer (unread
 * for the caseworkers); one under mapping asks and is answered. The DUF numbers go to the start-up log.
 */
@Component
@Profile("!prod")
class RefugeeThreadDemo {

    private static final Logger log = LoggerFactory.getLogger(RefugeeThreadDemo.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UserAccounts users;
    private final RefugeeMessages refugeeMessages;
    private final MessageThreads threads;
    private final ThreadMessages messages;

    RefugeeThreadDemo(JdbcClient jdbc, Clock clock, UserAccounts users, RefugeeMessages refugeeMessages, MessageThreads threads,
                      ThreadMessages messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.users = users;
        this.refugeeMessages = refugeeMessages;
        this.threads = threads;
        this.messages = messages;
    }

    private record Writer(long caseId, String duf, String name) {
    }

    /** Runs over the demo cases whose permit reference starts with {@code prefix}; a refusal is logged, never thrown. */
    void run(String prefix) {
        Actor caseworker = users.findActor("saksbehandler").orElse(Actor.system());
        List<Writer> writers = new ArrayList<>();
        writers.addAll(writers(prefix, "OFFERED", 2));
        writers.addAll(writers(prefix, "UNDER_MAPPING", 1));
        String[][] texts = {
                {"Vi har fått tilbud. Når får vi vite adressen til boligen?", "Kommunen tar kontakt med dere om boligen og datoen. Spør gjerne igjen her hvis dere ikke har hørt noe innen to uker."},
                {"Kan vi ta med katten når vi flytter?", null},
                {"Коли буде співбесіда щодо поселення? / When is the settlement interview?", "Mottaket avtaler samtalen med dere, vanligvis innen en måned. / The reception centre will book it with you, usually within a month."}};
        List<String> logged = new ArrayList<>();
        for (int i = 0; i < writers.size() && i < texts.length; i++) {
            Writer w = writers.get(i);
            Actor refugee = Actor.refugee(w.duf(), w.name());
            String[] t = texts[i];
            java.time.Instant asked = clock.instant().minus(Duration.ofDays(3L - i).plusHours(1));
            ShiftableClock.runAt(asked, () ->
                    check("question " + w.caseId(), refugeeMessages.send(refugee, RefugeeMessages.Kind.QUESTION, t[0])));
            if (t[1] != null) {
                ShiftableClock.runAt(asked.plus(Duration.ofHours(3)), () ->
                        threads.refugeeThreadToRead(w.caseId(), caseworker).ifPresent(ref ->
                                check("answer " + w.caseId(), messages.post(ref, caseworker, t[1], List.of()))));
            }
            logged.add(w.duf() + (t[1] == null ? " (waiting for an answer)" : " (answered)"));
        }
        log.info("Demo data: households writing with IMDi from Min side (sign in with): {}", String.join(", ", logged));
    }

    private List<Writer> writers(String prefix, String status, int limit) {
        return jdbc.sql("""
                select c.id, trim(p.duf_number), p.given_name || ' ' || p.family_name from settlement_case c
                join person p on p.case_id = c.id and p.relation = 'MAIN' and p.removed_on is null
                where c.permit_reference like :p and c.status = :s order by c.id desc limit :l
                """)
                .param("p", prefix + "%").param("s", status).param("l", limit)
                .query((rs, n) -> new Writer(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private static void check(String what, CommandResult<?> result) {
        if (!result.isSuccess()) {
            log.warn("Demo refugee thread: {} refused: {}", what, result.failure());
        }
    }
}
