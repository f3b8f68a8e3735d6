package no.bosetting.proposals.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import no.bosetting.proposals.ProposalCommand;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.StoredExplanations;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The case page's list of proposals: to which municipalities, when, and the answers. */
@Component
class ProposalCasePanel implements CasePanel {

    private final Proposals proposals;
    private final StoredExplanations explanations;

    ProposalCasePanel(Proposals proposals, StoredExplanations explanations) {
        this.proposals = proposals;
        this.explanations = explanations;
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
        // The explanation stored with an engine proposal, worded in the reader's language (older ones as stored).
        Map<Long, StoredExplanations.Worded> worded = new HashMap<>();
        if (actor.isAgency()) {
            for (ProposalRow r : rows) {
                StoredExplanations.Worded w = explanations.word(r.explanation(), LocaleContextHolder.getLocale());
                if (w != null) {
                    worded.put(r.id(), w);
                }
            }
        }
        // What the actor may do with each proposal now (the agency's acceptance on the municipality's behalf, withdrawing).
        Map<Long, List<ProposalCommand>> commands = new HashMap<>();
        for (ProposalRow r : rows) {
            commands.put(r.id(), proposals.validCommands(actor, r));
        }
        return Optional.of(new View("proposals/panel", Map.of("rows", rows, "commands", commands, "explanations", worded)));
    }
}
