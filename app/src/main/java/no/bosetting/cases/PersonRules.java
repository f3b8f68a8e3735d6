package no.bosetting.cases;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import no.bosetting.shared.FieldProblem;

/** The rules for a person's facts, written once for a new member and a correction. */
final class PersonRules {

    static final Set<String> SEXES = Set.of("F", "M", "X");

    private PersonRules() {
    }

    static Optional<FieldProblem> name(String value, String field, String requiredKey) {
        if (value == null || value.isBlank()) {
            return Optional.of(FieldProblem.of(field, requiredKey));
        }
        if (value.trim().length() > 100) {
            return Optional.of(FieldProblem.of(field, "error.name.tooLong", 100));
        }
        return Optional.empty();
    }

    /** Required, not in the future, not more than 120 years back. */
    static Optional<FieldProblem> birthDate(LocalDate birthDate, LocalDate today) {
        if (birthDate == null) {
            return Optional.of(FieldProblem.of("birthDate", "error.birthDate.required"));
        }
        if (birthDate.isAfter(today)) {
            return Optional.of(FieldProblem.of("birthDate", "error.birthDate.future"));
        }
        if (birthDate.isBefore(today.minusYears(120))) {
            return Optional.of(FieldProblem.of("birthDate", "error.birthDate.range"));
        }
        return Optional.empty();
    }

    static Optional<FieldProblem> sex(String sex) {
        return sex == null || !SEXES.contains(sex.trim()) ? Optional.of(FieldProblem.of("sex", "error.sex.invalid")) : Optional.empty();
    }
}
