package no.bosetting.planning;

import java.time.LocalDate;
import java.util.Optional;

import no.bosetting.shared.CommandFailure;

/**
 * A council decision as entered: its kind, first year and last year ({@code untilYear}: the period's end, or the last of
 * several years with the same number or range), the number (the period's total, or the range's minimum), the range's
 * maximum, the unaccompanied minors among them, the decision date, whether reunified family members come on top, and
 * the reasons for a deviation from the request and for a number below the places used.
 */
public record DecisionInput(CapacityDecision.Kind kind, Integer year, Integer untilYear, Integer persons, Integer maxPersons,
                            Integer minors, LocalDate decidedOn, boolean reunifiedOnTop, String deviationReason,
                            String loweringOverrideReason) {

    /** The longest span of one decision: four years, as Namsos decided (report 003 lines 2243–2244). */
    static final int MAX_YEARS = 4;

    public boolean period() {
        return kind == CapacityDecision.Kind.PERIOD;
    }

    public int lastYear() {
        return untilYear == null ? year : untilYear;
    }

    /** The number the places may never exceed: the range's maximum, otherwise the number (the period's total). */
    int ceiling() {
        return kind == CapacityDecision.Kind.RANGE ? maxPersons : persons;
    }

    /** The first input that cannot be recorded, on its field; each kind's own rules. */
    Optional<CommandFailure> problem(LocalDate today) {
        int thisYear = today.getYear();
        if (kind == null) {
            return fail("kind", "error.decision.kind");
        }
        if (year == null || year < thisYear - 1 || year > thisYear + 4) {
            return fail("year", "error.decision.year", thisYear - 1, thisYear + 4);
        }
        if (period() && (untilYear == null || untilYear <= year || untilYear > year + MAX_YEARS - 1)) {
            return fail("untilYear", "error.decision.periodUntilYear", year + 1, year + MAX_YEARS - 1);
        }
        if (lastYear() < year || lastYear() > year + MAX_YEARS - 1) {
            return fail("untilYear", "error.decision.untilYear", year, year + MAX_YEARS - 1);
        }
        if (persons == null || persons < 0 || persons > 100_000) {
            return fail("persons", kind == CapacityDecision.Kind.RANGE ? "error.decision.rangeMin" : "error.decision.persons");
        }
        if (kind == CapacityDecision.Kind.RANGE) {
            if (maxPersons == null || maxPersons < 0 || maxPersons > 100_000) {
                return fail("maxPersons", "error.decision.rangeMax");
            }
            if (persons > maxPersons) {
                return fail("maxPersons", "error.decision.rangeMinAboveMax", persons, maxPersons);
            }
        } else if (maxPersons != null) {
            return fail("maxPersons", "error.decision.maxOnlyForRange");
        }
        if (minors == null || minors < 0 || minors > ceiling()) {
            return fail("unaccompaniedMinors", "error.decision.minors");
        }
        if (decidedOn != null && decidedOn.isAfter(today)) {
            return fail("decidedOn", "error.date.future");
        }
        return Optional.empty();
    }

    private static Optional<CommandFailure> fail(String field, String key, Object... args) {
        return Optional.of(CommandFailure.RuleBroken.of(field, key, args));
    }
}
