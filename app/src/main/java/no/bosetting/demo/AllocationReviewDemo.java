package no.bosetting.demo;

import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.allocation.AllocationRun;
import no.bosetting.allocation.AllocationRuns;
import no.bosetting.allocation.RunReview;
import no.bosetting.cases.CaseFilter;
import no.bosetting.shared.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * An engine proposal waiting for review (issue 23 items 3 and 4), through the real commands after the year's replay: the
 * demo caseworker runs "Foreslå fordeling" over the ready households and pins one household to another municipality with
 * places left, so the review at {@code /fordeling/motor/{id}} shows a pin, what the engine moved, the picker and the
 * summary before sending. Nothing is sent: sending would move the demo's ready households on, and the caseworker does
 * that in the demo.
 */
@Component
@Profile("!prod")
class AllocationReviewDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final AllocationRuns runs;
    private final RunReview review;
    private final UserAccounts users;

    AllocationReviewDemo(AllocationRuns runs, RunReview review, UserAccounts users) {
        this.runs = runs;
        this.review = review;
        this.users = users;
    }

    void run() {
        Optional<Actor> caseworker = users.findEnabledActor("saksbehandler");
        if (caseworker.isEmpty()) {
            log.info("Demo engine proposal skipped: no demo caseworker");
            return;
        }
        Actor agency = caseworker.get();
        CommandResult<Long> proposed = CommandResult.attempt(() -> runs.propose(agency, CaseFilter.none()));
        if (!proposed.isSuccess()) {
            log.info("Demo engine proposal skipped: {}", proposed.failure().messageKey());
            return;
        }
        AllocationRun run = runs.find(proposed.value()).orElseThrow();
        for (AllocationRun.Item item : run.items()) {
            if (item.municipalityNumber() == null) {
                continue;
            }
            Optional<RunReview.Choice> other = review.choices(run, item.caseId(), null, agency).orElseThrow().stream()
                    .filter(c -> c.allowed() && !c.current()).findFirst();
            if (other.isPresent()) {
                CommandResult<Long> pinned = CommandResult.attempt(() -> runs.pin(agency, run.id(), item.caseId(), other.get().number()));
                log.info("Demo engine proposal {}: {} households, {} pinned to {}", pinned.isSuccess() ? pinned.value() : run.id(),
                        run.households(), item.caseReference(), pinned.isSuccess() ? other.get().label() : "nothing (refused)");
                return;
            }
        }
        log.info("Demo engine proposal {}: {} households, no pin", run.id(), run.households());
    }
}
