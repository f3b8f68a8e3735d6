package no.bosetting.applications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The six-month deadline has an effect: a private resident who has sent no application by the last day (under the
 * configured start rule) is no longer in the target group for settlement with public help (report 000 around lines
 * 3074–3080). The daily run takes such a case out of the flow (APPLICATION_DEADLINE_MISSED) with the reason in its
 * history and tells the refugee. A late
 * application may still be sent; accepted on the discretionary path it brings the case back into mapping.
 */
@Service
public class ApplicationRights {

    private final CaseQueries cases;
    private final CaseCommands caseCommands;
    private final SettlementApplications applications;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    ApplicationRights(CaseQueries cases, CaseCommands caseCommands, SettlementApplications applications, Outbox outbox,
                      TransactionTemplate tx, Clock clock,
                      @Value("${bosetting.deadlines.scheduler.enabled:true}") boolean enabled) {
        this.cases = cases;
        this.caseCommands = caseCommands;
        this.applications = applications;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartUp() {
        if (enabled) {
            endLapsed();
        }
    }

    @Scheduled(cron = "${bosetting.application.lapse-cron:0 15 1 * * *}", zone = "Europe/Oslo")
    public void daily() {
        if (enabled) {
            endLapsed();
        }
    }

    /**
     * Ends the right of every household waiting for its application whose deadline has passed without a sent one; each
     * in its own transaction (a case changed meanwhile is left alone). Returns the cases closed.
     */
    public List<Long> endLapsed() {
        LocalDate today = LocalDate.now(clock);
        List<Long> closed = new ArrayList<>();
        for (CaseQueries.PrivateResident r : cases.privateResidentsAwaitingApplication()) {
            ApplicationDeadline deadline = applications.startRule().deadline(r.permitDate(), null, null);
            if (!today.isAfter(deadline.lastDay()) || applications.hasSentApplication(r.dufNumber())) {
                continue;
            }
            Boolean done;
            try {
                done = tx.execute(s -> {
                CommandResult<CaseStatus> ended = caseCommands.lapseApplicationRight(r.caseId(), Actor.system(),
                        "Ingen søknad om bosetting innen fristen " + deadline.lastDay());
                if (!ended.isSuccess()) {
                    s.setRollbackOnly();
                    return false;
                }
                outbox.enqueue("NOTIFICATION", "duf:" + r.dufNumber(), Wording.of("app.notice.lapsed.subject"),
                        Wording.of("app.notice.lapsed.body", Wording.date(deadline.lastDay())), r.caseId());
                return true;
            });
            } catch (no.bosetting.shared.CommandFailedException e) {
                done = false; // changed meanwhile (the refugee applied, or the case was closed): left as it is
            }
            if (Boolean.TRUE.equals(done)) {
                closed.add(r.caseId());
            }
        }
        return closed;
    }
}
