package no.bosetting.selfsettlement.internal;

import no.bosetting.selfsettlement.SelfSettlementWindows;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes the opt-in windows whose last day has passed: every morning, and once when the application has
 * started (it may have been down that morning). A bean of its own so the call goes through the transaction
 * of {@link SelfSettlementWindows#closeExpired()}.
 */
@Component
class OptInWindowExpiry {

    private final SelfSettlementWindows windows;

    public OptInWindowExpiry(SelfSettlementWindows windows) {
        this.windows = windows;
    }

    @Scheduled(cron = "${bosetting.self-settlement.expiry-cron:0 10 6 * * *}")
    @EventListener(ApplicationReadyEvent.class)
    public void run() {
        windows.closeExpired();
    }
}
