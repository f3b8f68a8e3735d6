package no.bosetting.messages;

import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseOfferChanged;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandResult;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the settlement municipality in the case thread when a household's offer changes (issue 20 item 4): the case
 * closed or the offer withdrawn (its places released), the household away or back, the places held or released. A
 * message from the system ("Bosetting"), naming who did it, in the same transaction as the change.
 */
@Service
public class CaseOfferNotices {

    private final MessageThreads threads;
    private final ThreadMessages messages;

    public CaseOfferNotices(MessageThreads threads, ThreadMessages messages) {
        this.threads = threads;
        this.messages = messages;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onOfferChanged(CaseOfferChanged event) {
        if (event.municipalityNumber() == null) {
            return;
        }
        Actor system = Actor.system();
        threads.caseThread(event.caseId(), event.municipalityNumber(), system).ifPresent(thread -> {
            CommandResult<Long> posted = messages.post(thread, system, text(event), List.of());
            if (!posted.isSuccess()) {
                throw new CommandFailedException(posted.failure());
            }
        });
    }

    static String text(CaseOfferChanged event) {
        String what = switch (event.command()) {
            case CLOSE_WITH_OFFER -> "Saken er avsluttet. Plassene husstanden hadde hos dere er frigitt.";
            case WITHDRAW_OFFER -> "IMDi har trukket tilbudet. Plassene husstanden hadde hos dere er frigitt.";
            case MARK_ABSENT -> "Husstanden er midlertidig borte. Velg på saken om dere holder av plassene (og boligen) "
                    + "eller frigir dem.";
            case HOLD_PLACES -> "Kommunen holder av plassene mens husstanden er borte.";
            case RELEASE_PLACES -> "Kommunen har frigitt plassene mens husstanden er borte. Husstanden fordeles på nytt når den er tilbake.";
            case RETURN_FROM_ABSENCE -> "Husstanden er tilbake. Tilbudet og plassene hos dere gjelder som før.";
            default -> "Saken er endret.";
        };
        String reason = event.reason() == null || event.reason().isBlank() ? "" : " (" + event.reason().trim() + ")";
        return what + reason + " Registrert av " + event.actor().displayName() + ".";
    }
}
