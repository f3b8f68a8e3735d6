package no.bosetting.selfservice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseHistoryEntry;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.CloseReason;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.municipalities.Municipalities;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The refugee's case as My case and the application and self-settlement pages describe it ({@link MyCaseGuidance}),
 * from the case's state, its decisions' dates and its history on today's date. Reads no names.
 */
@Service
public class RefugeeSituation {

    private final CaseQueries cases;
    private final SettlementDecisions decisions;
    private final Municipalities municipalities;
    private final Clock clock;

    public RefugeeSituation(CaseQueries cases, SettlementDecisions decisions, Municipalities municipalities, Clock clock) {
        this.cases = cases;
        this.decisions = decisions;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /** The signed-in refugee's own case, if they have one. */
    @Transactional(readOnly = true)
    public Optional<MyCaseGuidance> forRefugee(Actor actor) {
        return actor.dufNumber().flatMap(cases::caseIdForDuf).flatMap(cases::summaryForSystem)
                .map(s -> guidance(s, closedReason(s.id()), cases.history(s.id())));
    }

    /** The guidance for a case already read (My case has its detail). */
    public MyCaseGuidance guidance(CaseSummary s, String closedReason, List<CaseHistoryEntry> history) {
        List<SettlementDecision> own = decisions.forCase(s.id()).stream().filter(x -> x.status() != DecisionStatus.DECLINED).toList();
        String municipality = s.settlementMunicipality() != null ? s.settlementMunicipality()
                : own.stream().map(SettlementDecision::municipalityNumber).findFirst().orElse(null);
        LocalDate planned = own.stream().map(SettlementDecision::plannedSettlementDate).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
        LocalDate settled = own.stream().map(SettlementDecision::settlementDate).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
        OffsetDateTime endedAt = null;
        for (CaseHistoryEntry h : history) {
            if (h.toStatus() == s.status() && h.fromStatus() != s.status()) {
                endedAt = h.occurredAt();
            }
        }
        CloseReason reason = null;
        if (closedReason != null) {
            try {
                reason = CloseReason.valueOf(closedReason);
            } catch (IllegalArgumentException unknown) {
                reason = null;
            }
        }
        return MyCaseGuidance.derive(s.status(), planned, settled, reason, endedAt,
                municipality == null ? null : municipalities.name(municipality), LocalDate.now(clock));
    }

    private String closedReason(long caseId) {
        return cases.closedReason(caseId).orElse(null);
    }
}
