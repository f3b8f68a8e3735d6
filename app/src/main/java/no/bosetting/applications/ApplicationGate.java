package no.bosetting.applications;

import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseCommand;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.stereotype.Component;

/**
 * What the agency's decision on an application does to the private resident's case (issue 20 item 5), inside the
 * decision's transaction: acceptance lets the case into mapping, refusal ends the right.
 */
@Component
class ApplicationGate {

    private final CaseQueries cases;
    private final CaseCommands caseCommands;

    ApplicationGate(CaseQueries cases, CaseCommands caseCommands) {
        this.cases = cases;
        this.caseCommands = caseCommands;
    }

    /**
     * The gate (report 000 around lines 3074–3080): acceptance moves a case waiting for the application, or out of the
     * flow by the missed deadline, into mapping. A case already in the flow keeps its state; a closed case cannot be
     * accepted into the flow.
     */
    Optional<CommandFailure> followAcceptance(SettlementApplication a, Actor actor) {
        CaseSummary summary = cases.summaryForSystem(a.caseId()).orElseThrow();
        if (CaseCommand.ACCEPT_APPLICATION.appliesTo(summary.status())) {
            CommandResult<CaseStatus> moved = caseCommands.acceptApplication(a.caseId(), actor,
                    a.late() ? "Sen søknad godtatt etter skjønn" : "Søknad godtatt innen fristen");
            return moved.isSuccess() ? Optional.empty() : Optional.of(moved.failure());
        }
        if (!summary.status().isOpen()) {
            return Optional.of(CommandFailure.WrongState.of(summary.status().name(), "app.error.caseClosed", summary.status().name()));
        }
        return Optional.empty();
    }

    /** A refusal ends the right: the case leaves the flow, unless it has already left it (or is with a municipality). */
    Optional<CommandFailure> followRefusal(SettlementApplication a, Actor actor, String reason) {
        CaseSummary summary = cases.summaryForSystem(a.caseId()).orElseThrow();
        if (CaseCommand.END_APPLICATION_RIGHT.appliesTo(summary.status())) {
            CommandResult<CaseStatus> ended = caseCommands.endApplicationRight(a.caseId(), actor, "Søknaden er avslått: " + reason);
            return ended.isSuccess() ? Optional.empty() : Optional.of(ended.failure());
        }
        if (summary.status().isOpen()) {
            return Optional.of(CommandFailure.WrongState.of(summary.status().name(), "app.error.caseInAllocation", summary.status().name()));
        }
        return Optional.empty();
    }
}
