package no.bosetting.decisions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for an actual settlement date, asked by every path that registers one: the municipality's
 * registration on the web, the API, a correction, and the reception centre's move-out to the settlement municipality.
 * A settlement date is never in the future, never before the decision on settlement municipality (a person is settled
 * in a municipality by a decision, report 000: the decision is IMDi's "vedtak om bosettingskommune", and settlement
 * follows it), and never before the residence permit. Each refusal has one message key, so every path says the same.
 */
public final class SettlementDateRule {

    static final DateTimeFormatter NORWEGIAN_DATE = no.bosetting.shared.ShownDates.DATE;

    /** Why a date is refused: the message key and its arguments (the date it may not precede, written dd.MM.yyyy). */
    public record Refusal(String messageKey, List<Object> args) {
    }

    private SettlementDateRule() {
    }

    /**
     * Empty when {@code date} may be registered; otherwise the first rule it breaks. {@code date} is not null
     * (a missing date is each form's own "required" message). {@code decidedOn} is the decision's date in Norwegian time.
     */
    public static Optional<Refusal> refusal(LocalDate date, LocalDate decidedOn, LocalDate permitDate, LocalDate today) {
        if (date.isAfter(today)) {
            return Optional.of(new Refusal("error.settlementDate.future", List.of()));
        }
        if (decidedOn != null && date.isBefore(decidedOn)) {
            return Optional.of(new Refusal("error.settlementDate.beforeDecision", List.of(decidedOn.format(NORWEGIAN_DATE))));
        }
        if (permitDate != null && date.isBefore(permitDate)) {
            return Optional.of(new Refusal("error.settlementDate.beforePermit", List.of(permitDate.format(NORWEGIAN_DATE))));
        }
        return Optional.empty();
    }
}
