package no.bosetting.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.shared.TimeConfig;
import no.bosetting.shared.outbox.OutboxDispatcher;
import no.bosetting.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Controlled time, real accounts with e-mail addresses, and counting of what was sent, for the deadline tests. */
abstract class DeadlinesIntegrationTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    DeadlineScheduler scheduler;
    @Autowired
    WorkItems workItems;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    UserAccounts accounts;
    @Autowired
    GreenMail mailServer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    /** Ten in the morning, Norwegian time, on {@code date}. */
    static Instant morning(LocalDate date) {
        return date.atTime(LocalTime.of(10, 0)).atZone(TimeConfig.OSLO).toInstant();
    }

    /** Runs {@code task} on this thread with the clock at ten in the morning on {@code date}. */
    static <T> T on(LocalDate date, Callable<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        ShiftableClock.runAt(morning(date), () -> {
            try {
                result.set(task.call());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return result.get();
    }

    static void onDay(LocalDate date, Runnable task) {
        ShiftableClock.runAt(morning(date), task);
    }

    /** Runs every deadline rule on {@code date} and delivers the outbox (in-app and e-mail) that day. */
    void runRulesOn(LocalDate date) {
        onDay(date, () -> {
            DeadlineScheduler.RunReport report = scheduler.runAll();
            for (int i = 0; i < 100 && dispatcher.dispatchPending() > 0; i++) {
                // deliver everything due, notifications first and then their e-mail copies
            }
            org.assertj.core.api.Assertions.assertThat(report.failedRules()).as("failed rules on %s", date)
                    .doesNotContain(no.bosetting.proposals.ProposalAnswerDeadlines.CODE,
                            no.bosetting.decisions.SettlementDateDeadlines.CODE, no.bosetting.cases.LongWaitingDeadlines.CODE);
        });
    }

    /** A signed-up municipality officer with an e-mail address. */
    Actor officerWithEmail(String municipality) {
        long n = Fixtures.next();
        Actor actor = new Actor("frist-kommune-" + n, "Frist Kommune " + n, Role.MUNICIPALITY_OFFICER, municipality, null);
        accounts.createIfMissing(actor, null, address(actor));
        return actor;
    }

    /** A signed-up agency caseworker with an e-mail address. */
    Actor caseworkerWithEmail() {
        long n = Fixtures.next();
        Actor actor = new Actor("frist-saksbehandler-" + n, "Frist Saksbehandler " + n, Role.AGENCY_CASEWORKER, null, null);
        accounts.createIfMissing(actor, null, address(actor));
        return actor;
    }

    static String address(Actor actor) {
        return actor.username() + "@kommune.test";
    }

    /** Notifications enqueued for the user whose subject mentions {@code text}. */
    long notifications(Actor actor, String text) {
        return jdbc.sql("select count(*) from outbox_message where topic = 'NOTIFICATION' and recipient = :r and subject like :s")
                .param("r", actor.username()).param("s", "%" + text + "%").query(Long.class).single();
    }

    /** E-mails the local mail server received for the user's address. */
    List<MimeMessage> mails(Actor actor) {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address(actor)));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** A household of one adult and {@code children} children, permit {@code permitDate} (not in the future), ready for allocation. */
    long readyHousehold(int children, LocalDate permitDate) {
        long caseId = fixtures.household(fixtures.centre("3403"), children, permitDate);
        fixtures.ready(caseId);
        return caseId;
    }
}
