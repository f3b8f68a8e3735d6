package no.bosetting.letters.internal;

import no.bosetting.letters.DigitalMailbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default mailbox: sends nothing out of the system. The letter and the receipt ("stored", channel
 * LOCAL) are recorded by {@link no.bosetting.letters.Letters#dispatch}, and the case page shows them.
 */
@Component
@ConditionalOnProperty(name = "bosetting.letters.mailbox", havingValue = "local", matchIfMissing = true)
class LocalMailbox implements DigitalMailbox {

    @Override
    public boolean needsFile() {
        return false;
    }

    @Override
    public Receipt send(Shipment shipment) {
        return new Receipt("LOCAL", "STORED", shipment.reference());
    }
}
