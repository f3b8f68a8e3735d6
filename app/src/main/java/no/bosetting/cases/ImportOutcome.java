package no.bosetting.cases;

import java.util.List;

import no.bosetting.shared.FieldProblem;

/** The result of importing one permit: the case (new or already there) or the problems found. */
public record ImportOutcome(Long caseId, String caseReference, boolean created, List<FieldProblem> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }

    static ImportOutcome created(long id, String reference) {
        return new ImportOutcome(id, reference, true, List.of());
    }

    static ImportOutcome unchanged(long id, String reference) {
        return new ImportOutcome(id, reference, false, List.of());
    }

    static ImportOutcome invalid(List<FieldProblem> problems) {
        return new ImportOutcome(null, null, false, List.copyOf(problems));
    }
}
