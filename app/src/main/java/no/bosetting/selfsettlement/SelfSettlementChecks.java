package no.bosetting.selfsettlement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipality's check of a request: it starts checking, saves its checklist of the dwelling and lease as far as
 * it has come, and then forwards the request to the agency (the checklist complete, the rent within its limit and the
 * landlord not on its rejected list) or refuses it with a reason.
 */
@Service
public class SelfSettlementChecks {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SelfSettlementRequests requests;
    private final RequestTransitions transitions;
    private final SelfSettlementSettings settings;
    private final Municipalities municipalities;
    private final no.bosetting.shared.Words words;

    SelfSettlementChecks(JdbcClient jdbc, Clock clock, SelfSettlementRequests requests, RequestTransitions transitions,
                         SelfSettlementSettings settings, Municipalities municipalities,
                         no.bosetting.shared.Words words) {
        this.words = words;
        this.jdbc = jdbc;
        this.clock = clock;
        this.requests = requests;
        this.transitions = transitions;
        this.settings = settings;
        this.municipalities = municipalities;
    }

    /** The municipality starts checking the dwelling and lease. */
    @Transactional
    public CommandResult<RequestStatus> startCheck(Actor actor, long id) {
        CommandResult<SelfSettlementRequest> locked = transitions.lock(actor, id, SelfSettlementCommand.START_CHECK);
        if (!locked.isSuccess()) {
            return CommandResult.fail(locked.failure());
        }
        transitions.apply(actor, locked.value(), SelfSettlementCommand.START_CHECK, null);
        return CommandResult.ok(RequestStatus.UNDER_MUNICIPAL_CHECK);
    }

    /** Saves the municipality's checklist (while it checks); the rejected-landlord check is looked up now. */
    @Transactional
    public CommandResult<SelfSettlementRequest> saveChecklist(Actor actor, long id, RequestChecklist checklist) {
        CommandResult<SelfSettlementRequest> locked = transitions.lock(actor, id, SelfSettlementCommand.SAVE_CHECKLIST);
        if (!locked.isSuccess()) {
            return CommandResult.fail(locked.failure());
        }
        SelfSettlementRequest r = locked.value();
        Optional<CommandFailure> dates = inspectionProblem(checklist, false);
        if (dates.isPresent()) {
            return CommandResult.fail(dates.get());
        }
        startCheckIfRequested(actor, r);
        storeChecklist(actor, r, checklist);
        transitions.record(actor, r, SelfSettlementCommand.SAVE_CHECKLIST, RequestStatus.UNDER_MUNICIPAL_CHECK, describe(checklist));
        return CommandResult.ok(requests.find(actor, id).orElseThrow());
    }

    /** Forwards the request to the agency: the checklist must be complete and the landlord not rejected. */
    @Transactional
    public CommandResult<RequestStatus> forward(Actor actor, long id, RequestChecklist checklist) {
        CommandResult<SelfSettlementRequest> locked = transitions.lock(actor, id, SelfSettlementCommand.FORWARD);
        if (!locked.isSuccess()) {
            return CommandResult.fail(locked.failure());
        }
        SelfSettlementRequest r = locked.value();
        Optional<CommandFailure> refused = forwardProblem(actor, r, checklist);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        startCheckIfRequested(actor, r);
        storeChecklist(actor, r, checklist);
        jdbc.sql("update self_settlement_request set forwarded_at = :now where id = :id")
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
        transitions.apply(actor, r, SelfSettlementCommand.FORWARD,
                "Kommunen har godkjent bolig og leiekontrakt: " + describe(checklist));
        return CommandResult.ok(RequestStatus.FORWARDED);
    }

    /** The municipality refuses (before forwarding), with a reason. */
    @Transactional
    public CommandResult<RequestStatus> refuseByMunicipality(Actor actor, long id, RefusalReason reason, String text) {
        return transitions.refuse(actor, id, SelfSettlementCommand.MUNICIPALITY_REFUSE, reason, text);
    }

    /** The first reason the request may not be forwarded with this checklist, in the order the officer works. */
    private Optional<CommandFailure> forwardProblem(Actor actor, SelfSettlementRequest r, RequestChecklist checklist) {
        if (!checklist.leaseTermsOk()) {
            return Optional.of(CommandFailure.RuleBroken.of("leaseTermsOk", "selfsettlement.error.check.leaseTerms"));
        }
        Integer limit = settings.find(r.municipalityNumber()).map(SelfSettlementSetting::rentLimit).orElse(null);
        if (limit != null && r.monthlyRent() > limit) {
            return Optional.of(CommandFailure.RuleBroken.of("rentWithinLimit", "selfsettlement.error.check.rentOverLimit",
                    r.monthlyRent(), limit));
        }
        if (!checklist.rentWithinLimit()) {
            return Optional.of(CommandFailure.RuleBroken.of("rentWithinLimit", "selfsettlement.error.check.rent"));
        }
        if (!checklist.propertyRegisterOk()) {
            return Optional.of(CommandFailure.RuleBroken.of("propertyRegisterOk", "selfsettlement.error.check.register"));
        }
        if (requests.landlordRejected(actor, r.landlordName(), r.landlordEmail())) {
            return Optional.of(CommandFailure.RuleBroken.of("landlord", "selfsettlement.error.check.landlordRejected"));
        }
        if (!checklist.independentDwelling()) {
            return Optional.of(CommandFailure.RuleBroken.of("independentDwelling", "selfsettlement.error.check.independent"));
        }
        Optional<CommandFailure> inspection = inspectionProblem(checklist, true);
        if (inspection.isPresent()) {
            return inspection;
        }
        if (!settings.accepts(r.municipalityNumber())) {
            return Optional.of(CommandFailure.RuleBroken.of("", "selfsettlement.error.notAccepting",
                    municipalities.name(r.municipalityNumber())));
        }
        return Optional.empty();
    }

    private Optional<CommandFailure> inspectionProblem(RequestChecklist checklist, boolean complete) {
        LocalDate today = LocalDate.now(clock);
        if (checklist.inspectionDate() != null && checklist.inspectionDate().isAfter(today)) {
            return Optional.of(CommandFailure.RuleBroken.of("inspectionDate", "selfsettlement.error.inspection.future"));
        }
        if (!complete) {
            return Optional.empty();
        }
        if (checklist.inspectionResult() == null) {
            return Optional.of(CommandFailure.RuleBroken.of("inspectionResult", "selfsettlement.error.inspection.result"));
        }
        if (checklist.inspectionResult() == InspectionResult.NOT_APPROVED) {
            return Optional.of(CommandFailure.RuleBroken.of("inspectionResult", "selfsettlement.error.inspection.notApproved"));
        }
        if (checklist.inspectionResult() == InspectionResult.APPROVED && checklist.inspectionDate() == null) {
            return Optional.of(CommandFailure.RuleBroken.of("inspectionDate", "selfsettlement.error.inspection.date"));
        }
        return Optional.empty();
    }

    /** Saving the checklist or forwarding starts the check when the municipality had not started it yet. */
    private void startCheckIfRequested(Actor actor, SelfSettlementRequest r) {
        if (SelfSettlementCommand.START_CHECK.appliesTo(r.status())) {
            transitions.apply(actor, r, SelfSettlementCommand.START_CHECK, null);
        }
    }

    private void storeChecklist(Actor actor, SelfSettlementRequest r, RequestChecklist c) {
        jdbc.sql("""
                update self_settlement_request set lease_terms_ok = :lt, rent_within_limit = :rl, property_register_ok = :pr,
                    independent_dwelling = :ind, inspection_date = :idate, inspection_result = :ires, landlord_rejected = :rej,
                    updated_at = :now, updated_by = :by where id = :id
                """)
                .param("lt", c.leaseTermsOk()).param("rl", c.rentWithinLimit()).param("pr", c.propertyRegisterOk())
                .param("ind", c.independentDwelling()).param("idate", c.inspectionDate())
                .param("ires", c.inspectionResult() == null ? null : c.inspectionResult().name())
                .param("rej", requests.landlordRejected(actor, r.landlordName(), r.landlordEmail()))
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("id", r.id()).update();
    }

    private static final java.time.format.DateTimeFormatter NORWEGIAN_DATE = no.bosetting.shared.ShownDates.DATE;

    private String describe(RequestChecklist c) {
        return "leiekontrakt " + yes(c.leaseTermsOk()) + ", husleie " + yes(c.rentWithinLimit()) + ", matrikkel "
                + yes(c.propertyRegisterOk()) + ", selvstendig bolig " + yes(c.independentDwelling()) + ", befaring "
                + (c.inspectionResult() == null ? "ikke registrert" : words.nb("selfsettlement.inspection.", c.inspectionResult()).toLowerCase(java.util.Locale.ROOT))
                + (c.inspectionDate() == null ? "" : " " + NORWEGIAN_DATE.format(c.inspectionDate()));
    }

    private static String yes(boolean b) {
        return b ? "ok" : "ikke ok";
    }
}
