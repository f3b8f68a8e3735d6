package no.bosetting.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.grants.AdditionalGrants;
import no.bosetting.grants.DemoGrantRates;
import no.bosetting.grants.GrantViews;
import no.bosetting.grants.GrantPayments;
import no.bosetting.grants.PaymentRun;
import no.bosetting.shared.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Grants in the demo (issue 17 items 1–3): before the replay the planner saves the labelled demo rates the reports do
 * not give (the AMOT/MAMOT rates come with the migration), so every acceptance and settlement of the replay computes a
 * schedule; after it, one regular payment run for this year through the real command, which recomputes every schedule
 * first and locks what it pays.
 */
@Component
@Profile("!prod")
class GrantsDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final DemoGrantRates rates;
    private final GrantPayments payments;
    private final UserAccounts users;
    private final Clock clock;
    private final GrantViews views;
    private final AdditionalGrants additional;

    GrantsDemo(DemoGrantRates rates, GrantPayments payments, UserAccounts users, Clock clock, GrantViews views, AdditionalGrants additional) {
        this.views = views;
        this.additional = additional;
        this.rates = rates;
        this.payments = payments;
        this.users = users;
        this.clock = clock;
    }

    private Actor planner() {
        return users.findEnabledActor("planlegger").orElse(Actor.system());
    }

    void rates() {
        log.info("Demo grants: {} demo rates saved", rates.ensure(planner()));
    }

    void paymentRun() {
        Optional<Actor> planner = users.findEnabledActor("planlegger");
        Actor actor = planner.orElse(Actor.system());
        // One person in Oslo gets the disability grant from their settlement date (the municipality applied).
        views.municipalityPersons("0301", LocalDate.now(clock).getYear() - 1, 0, 50).stream().filter(r -> r.settledOn() != null)
                .findFirst().ifPresent(r -> log.info("Demo grants: disability grant for person {}: {}", r.personId(), CommandResult.attempt(() ->
                        additional.grantDisability(actor, r.personId(), r.settledOn(), "Søknad fra kommunen med legeerklæring")).isSuccess()));
        CommandResult<PaymentRun> run = CommandResult.attempt(() -> payments.run(actor, PaymentRun.Kind.REGULAR, LocalDate.now(clock).getYear()));
        log.info("Demo grants: payment run {}", run.isSuccess()
                ? run.value().id() + " (" + run.value().lineCount() + " lines, " + run.value().total() + " kr)" : run.failure());
    }
}
