package no.bosetting.reconsideration.web;

import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.reconsideration.Reconsideration;
import no.bosetting.reconsideration.Reconsiderations;
import org.springframework.stereotype.Component;

/** Reconsideration on the agency's case page: where a request stands, or a link to register one. */
@Component
class ReconsiderationCasePanel implements CasePanel {

    private final Reconsiderations reconsiderations;

    ReconsiderationCasePanel(Reconsiderations reconsiderations) {
        this.reconsiderations = reconsiderations;
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        if (!actor.isAgency()) {
            return Optional.empty();
        }
        Optional<Reconsideration> latest = reconsiderations.find(summary.id());
        boolean canRequest = summary.status() == CaseStatus.OFFERED && Reconsiderations.mayRegister(actor)
                && latest.map(r -> !r.status().isOpen()).orElse(true);
        if (latest.isEmpty() && !canRequest) {
            return Optional.empty();
        }
        return Optional.of(new View("reconsideration/panel", Map.of(
                "caseId", summary.id(),
                "latest", latest.map(Object.class::cast).orElse(""),
                "hasLatest", latest.isPresent(),
                "canRequest", canRequest)));
    }
}
