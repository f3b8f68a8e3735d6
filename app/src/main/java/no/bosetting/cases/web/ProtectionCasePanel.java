package no.bosetting.cases.web;

import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.ProtectedAddress;
import org.springframework.stereotype.Component;

/**
 * The protected-address notice on the case page (issue 18 item 4): staff see that the household has a protected
 * address, and those not designated that its address and municipality are hidden and that they cannot act on it.
 */
@Component
class ProtectionCasePanel implements CasePanel {

    private final ProtectedAddress protection;

    ProtectionCasePanel(ProtectedAddress protection) {
        this.protection = protection;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        if (actor.role() == Role.REFUGEE) {
            return Optional.empty();
        }
        return protection.level(summary.id()).map(level -> new View("cases/protection-panel",
                Map.of("level", level, "hidden", !protection.maySee(actor), "caseId", summary.id())));
    }
}
