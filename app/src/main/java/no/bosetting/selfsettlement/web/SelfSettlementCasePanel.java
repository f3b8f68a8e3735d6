package no.bosetting.selfsettlement.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import no.bosetting.selfsettlement.OptInWindow;
import no.bosetting.selfsettlement.SelfSettlementRequest;
import no.bosetting.selfsettlement.SelfSettlementRequests;
import no.bosetting.selfsettlement.SelfSettlementWindows;
import org.springframework.stereotype.Component;

/** The case page's self-settlement section for the agency: the opt-in window and every request. */
@Component
class SelfSettlementCasePanel implements CasePanel {

    private final SelfSettlementRequests requests;
    private final SelfSettlementWindows windows;
    private final Clock clock;

    SelfSettlementCasePanel(SelfSettlementRequests requests, SelfSettlementWindows windows, Clock clock) {
        this.requests = requests;
        this.windows = windows;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        if (!actor.isAgency()) {
            return Optional.empty();
        }
        List<SelfSettlementRequest> list = requests.forCase(summary.id());
        Optional<OptInWindow> window = windows.latest(summary.id());
        if (list.isEmpty() && window.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("requests", list);
        model.put("window", window.orElse(null));
        model.put("windowOpen", window.map(w -> w.openOn(LocalDate.now(clock))).orElse(false));
        return Optional.of(new View("selfsettlement/panel", model));
    }
}
