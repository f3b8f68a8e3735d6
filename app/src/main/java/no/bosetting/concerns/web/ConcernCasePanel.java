package no.bosetting.concerns.web;

import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import no.bosetting.concerns.ConcernReports;
import org.springframework.stereotype.Component;

/** The case page's concern section: for designated users only; nobody else learns whether a report exists. */
@Component
class ConcernCasePanel implements CasePanel {

    private final ConcernReports reports;

    ConcernCasePanel(ConcernReports reports) {
        this.reports = reports;
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        if (!reports.mayUse(actor)) {
            return Optional.empty();
        }
        return Optional.of(new View("concerns/panel", Map.of("caseId", summary.id(), "count", reports.countFor(summary.id()))));
    }
}
