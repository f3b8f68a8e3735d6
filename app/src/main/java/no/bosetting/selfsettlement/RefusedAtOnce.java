package no.bosetting.selfsettlement;

import java.time.Clock;
import java.time.OffsetDateTime;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseSummary;
import no.bosetting.municipalities.Municipalities;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A request refused at once is still recorded: stored as REFUSED with its reason and history, noted on the case, shown
 * to the refugee and the caseworker, and counted in the self-settlement statistics. The reports find that refused
 * requests are exactly what nobody registers (report 002 around lines 4533–4537 and 6513–6523). In its own transaction,
 * because the registration that refuses returns a failure and rolls back.
 */
@Service
class RefusedAtOnce {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RequestTransitions transitions;
    private final CaseCommands caseCommands;
    private final Municipalities municipalities;

    RefusedAtOnce(JdbcClient jdbc, Clock clock, RequestTransitions transitions, CaseCommands caseCommands, Municipalities municipalities) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transitions = transitions;
        this.caseCommands = caseCommands;
        this.municipalities = municipalities;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long record(Actor actor, CaseSummary c, RequestData data, RefusalReason reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String text = municipalities.name(data.municipalityNumber()) + " tar ikke imot avtalt selvbosetting.";
        long id = jdbc.sql("""
                insert into self_settlement_request (case_id, municipality_number, status, address, landlord_name, landlord_email,
                    lease_start, monthly_rent, rooms, registered_by_role, decided_at, decided_by, refusal_reason, refusal_text,
                    closed_at, created_at, created_by, updated_at, updated_by)
                values (:c, :m, :status, :address, :landlord, :email, :start, :rent, :rooms, :role, :now, 'system', :reason, :text,
                    :now, :now, :by, :now, :by)
                returning id
                """)
                .param("c", c.id()).param("m", data.municipalityNumber()).param("status", RequestStatus.REFUSED.name())
                .param("address", data.address().trim()).param("landlord", data.landlordName().trim())
                .param("email", data.landlordEmail() == null || data.landlordEmail().isBlank() ? null : data.landlordEmail().trim())
                .param("start", data.leaseStart()).param("rent", data.monthlyRent()).param("rooms", data.rooms())
                .param("role", actor.role().name()).param("reason", reason.name()).param("text", text)
                .param("now", now).param("by", actor.username())
                .query(Long.class).single();
        transitions.record(actor, id, "REGISTER_REFUSED", null, RequestStatus.REFUSED, "Avslått straks: " + text);
        caseCommands.note(c.id(), actor, "SELF_SETTLEMENT_REQUESTED",
                "Forespørsel om avtalt selvbosetting i " + municipalities.name(data.municipalityNumber()) + " registrert og avslått: " + text);
        return id;
    }
}
