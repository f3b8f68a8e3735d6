package no.bosetting.letters.internal;

import no.bosetting.letters.DigitalMailbox;
import no.bosetting.letters.Letters;
import no.bosetting.shared.outbox.MessageSender;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Delivers the outbox's letter messages through the configured digital mailbox. */
@Component
@Order(10)
class LetterDispatchSender implements MessageSender {

    private final Letters letters;
    private final DigitalMailbox mailbox;

    public LetterDispatchSender(Letters letters, DigitalMailbox mailbox) {
        this.letters = letters;
        this.mailbox = mailbox;
    }

    @Override
    public boolean handles(String topic) {
        return Letters.TOPIC.equals(topic);
    }

    @Override
    public void send(OutboxMessage message) throws Exception {
        letters.dispatch(Long.parseLong(message.body().trim()), mailbox);
    }
}
