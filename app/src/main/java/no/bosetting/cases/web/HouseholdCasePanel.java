package no.bosetting.cases.web;

import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import org.springframework.stereotype.Component;

/** The "Husstand" section of the case page: a link to the household page where the agency changes members. */
@Component
class HouseholdCasePanel implements CasePanel {

    @Override
    public int order() {
        return 1;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        if (!actor.isAgency()) {
            return Optional.empty();
        }
        return Optional.of(new View("cases/household-panel", Map.of("caseId", summary.id())));
    }
}
