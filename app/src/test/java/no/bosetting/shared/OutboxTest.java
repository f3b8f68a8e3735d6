package no.bosetting.shared;

import no.bosetting.shared.outbox.Notifications;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.OutboxDispatcher;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OutboxTest {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aMessageIsDeliveredOnceEvenWhenDispatchRunsAgain() {
        String recipient = "outbox-test-" + Fixtures.next();
        tx.executeWithoutResult(s -> outbox.enqueue("NOTIFICATION", recipient, "Emne", "Tekst", null));
        dispatcher.dispatchPending();
        dispatcher.dispatchPending();
        assertThat(notifications.latest(recipient, 10)).hasSize(1);
        assertThat(notifications.unread(recipient)).isEqualTo(1);
        notifications.markAllRead(recipient);
        assertThat(notifications.unread(recipient)).isZero();
    }

    @Test
    void aRolledBackChangeLeavesNoMessage() {
        String recipient = "outbox-test-" + Fixtures.next();
        try {
            tx.executeWithoutResult(s -> {
                outbox.enqueue("NOTIFICATION", recipient, "Emne", "Tekst", null);
                throw new IllegalStateException("rollback");
            });
        } catch (IllegalStateException expected) {
            // the change failed, so its side effect must not happen
        }
        dispatcher.dispatchPending();
        assertThat(notifications.latest(recipient, 10)).isEmpty();
    }
}
