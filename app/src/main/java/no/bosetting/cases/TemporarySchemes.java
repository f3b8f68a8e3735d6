package no.bosetting.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import no.bosetting.shared.FieldProblem;

/**
 * The windows of the temporary reception schemes the agency has configured in crisis mode (issue 18 item 1, MAMOT as
 * the model: report 000 lines 2514–2516, 2664–2666). Implemented by the module that owns the configuration
 * ({@code crisis}); a living-situation period of kind {@link LivingSituation#TEMPORARY_SCHEME} must lie inside one.
 */
public interface TemporarySchemes {

    /** Whether a period under a temporary scheme from {@code from} to {@code end} (inclusive) lies inside a configured window. */
    boolean covers(LocalDate from, LocalDate end);

    /** The first temporary-scheme period of the history outside every configured window, as a problem on {@code kind}. */
    static Optional<FieldProblem> problem(List<TemporarySchemes> schemes, List<ResidencePeriods.Period> history, LocalDate today) {
        for (ResidencePeriods.Period p : history) {
            if (p.kind() != LivingSituation.TEMPORARY_SCHEME) {
                continue;
            }
            LocalDate end = p.to() != null ? p.to() : today;
            if (schemes.stream().noneMatch(s -> s.covers(p.from(), end))) {
                return Optional.of(FieldProblem.of("kind", "error.residence.schemeWindow"));
            }
        }
        return Optional.empty();
    }
}
