package no.bosetting.demo;

import java.util.ArrayList;
import java.util.List;

import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.shared.outbox.Notifications;
import no.bosetting.shared.outbox.OutboxDispatcher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After the replay (issue 16 point 9): a year of history notified the reception centres' staff of every acceptance
 * ("Husstand … skal bosettes i …"), so a demo centre login met 86–129 unread notifications about households long
 * settled. What a user expects: unread means something still to act on. So the replay's notifications are delivered
 * now, and those to reception staff about households that are settled, declined or closed — nothing left for the
 * centre to do — are marked read; news about households still living there stays unread. Other roles keep theirs.
 */
@Component
class DemoNotifications {

    private final JdbcClient jdbc;
    private final OutboxDispatcher dispatcher;
    private final Notifications notifications;
    private final UserAccounts users;

    DemoNotifications(JdbcClient jdbc, OutboxDispatcher dispatcher, Notifications notifications, UserAccounts users) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.notifications = notifications;
        this.users = users;
    }

    /** Delivers what the replay queued and marks the centres' history read; returns how many were marked. */
    int settleHistory() {
        while (dispatcher.dispatchPending() > 0) {
            // Deliver every queued notification first, so none arrives unread after this.
        }
        List<Long> done = jdbc.sql("select id from settlement_case where status in ('SETTLED', 'DECLINED', 'CLOSED', 'APPLICATION_DEADLINE_MISSED')")
                .query(Long.class).list();
        List<String> staff = new ArrayList<>(users.usernamesForRole(Role.RECEPTION_STAFF));
        return notifications.markReadAboutCases(staff, done);
    }
}
