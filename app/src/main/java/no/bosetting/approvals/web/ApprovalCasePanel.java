package no.bosetting.approvals.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.approvals.Approval;
import no.bosetting.approvals.Approvals;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import org.springframework.stereotype.Component;

/** "Venter på godkjenning" at the top of the agency's case page, and the case's decided proposals with both persons. */
@Component
class ApprovalCasePanel implements CasePanel {

    private final Approvals approvals;

    ApprovalCasePanel(Approvals approvals) {
        this.approvals = approvals;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        if (!actor.isAgency()) {
            return Optional.empty();
        }
        List<Approval> all = approvals.forCase(summary.id());
        if (all.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new View("approvals/panel", Map.of(
                "pending", all.stream().filter(Approval::pending).toList(),
                "decided", all.stream().filter(a -> !a.pending()).toList())));
    }
}
