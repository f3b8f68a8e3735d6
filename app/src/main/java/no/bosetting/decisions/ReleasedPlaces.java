package no.bosetting.decisions;

import java.time.Clock;
import java.time.OffsetDateTime;

import no.bosetting.cases.CaseOfferChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases a household's places when its offer ends without settlement (issue 20 item 4): the case is closed or the
 * offer withdrawn by the agency, or the accepting municipality releases the places while the household is away. Its
 * open (offered) decisions become {@link DecisionStatus#RELEASED}, which {@link PlacesUsed} does not count. Runs in
 * the case command's transaction, so the places are released exactly when the case moves.
 */
@Service
public class ReleasedPlaces {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ReleasedPlaces(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onOfferChanged(CaseOfferChanged event) {
        // The case command (CLOSE_WITH_OFFER, WITHDRAW_OFFER, RELEASE_PLACES) has guarded scope, role and state: the
        // release follows it and is not a command of its own on the decisions page.
        if (event.releasesPlaces()) {
            release(event.caseId(), event.actor().username());
        }
    }

    /** Releases the case's offered decisions; returns how many. */
    int release(long caseId, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                update settlement_decision set status = 'RELEASED', closed_at = :now, updated_at = :now, updated_by = :by
                where case_id = :case and status = 'OFFERED'
                """)
                .param("now", now).param("by", by).param("case", caseId).update();
    }
}
