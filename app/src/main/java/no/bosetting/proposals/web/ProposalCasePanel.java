package no.bosetting.proposals.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.Proposals;
import org.springframework.stereotype.Component;

/** The case page's list of proposals: to which municipalities, when, and the answers. */
@Component
class ProposalCasePanel implements CasePanel {

    private final Proposals proposals;

    ProposalCasePanel(Proposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        List<ProposalRow> rows = proposals.forCase(summary.id());
        if (!actor.isAgency()) {
            // A municipality sees only its own proposal history for the household, never others' rejections.
            rows = rows.stream().filter(r -> actor.isMunicipality(r.municipalityNumber())).toList();
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new View("proposals/panel", Map.of("rows", rows, "canWithdraw",
                actor.role() == no.bosetting.access.Role.AGENCY_CASEWORKER)));
    }
}
