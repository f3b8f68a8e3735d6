package no.bosetting.cases;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link MinorsComingOfAge} every morning and once at start-up (the application may have been down that
 * morning). Idempotent: each case is marked once, so two nodes running it at once change nothing twice.
 */
@Component
class ComingOfAgeSchedule {

    private final MinorsComingOfAge comingOfAge;

    ComingOfAgeSchedule(MinorsComingOfAge comingOfAge) {
        this.comingOfAge = comingOfAge;
    }

    @Scheduled(cron = "${bosetting.cases.coming-of-age-cron:0 5 6 * * *}")
    @EventListener(ApplicationReadyEvent.class)
    public void run() {
        comingOfAge.run();
    }
}
