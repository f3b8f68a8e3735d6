package no.bosetting.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.HistoryTable;
import no.bosetting.access.Role;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transitions of a settlement case. Each command locks the case row, checks role, scope,
 * current state and rules, returns a typed failure when refused, and appends to the case history.
 * Other modules call these inside their own transaction (e.g. accepting a proposal).
 */
@Service
public class CaseCommands {

    static final HistoryTable CASE_HISTORY = new HistoryTable("case_history", "case_id");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final no.bosetting.shared.Words words;
    private final ProtectedAddress protection;

    public CaseCommands(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, no.bosetting.shared.Words words,
                        ProtectedAddress protection) {
        this.words = words;
        this.protection = protection;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Locks these cases' rows until the caller's transaction ends (in id order, so two callers never deadlock)
     * and returns their statuses as they are now. For a module whose check and action must not interleave with
     * another module's on the same household, e.g. a distribution list and a self-settlement opt-in: both take
     * this lock before they check, so the second sees what the first did.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.Map<Long, CaseStatus> lockStatuses(java.util.Collection<Long> caseIds) {
        java.util.Map<Long, CaseStatus> statuses = new java.util.LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return statuses;
        }
        jdbc.sql("select id, status from settlement_case where id in (:ids) order by id for update")
                .param("ids", caseIds)
                .query((rs, n) -> statuses.put(rs.getLong(1), CaseStatus.valueOf(rs.getString(2))))
                .list();
        return statuses;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<CaseStatus> recordInterview(long caseId, Actor actor) {
        return transition(caseId, CaseCommand.RECORD_INTERVIEW, actor, null, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<CaseStatus> propose(long caseId, Actor actor, String municipalityName) {
        return transition(caseId, CaseCommand.PROPOSE, actor, "Foreslått for " + municipalityName, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<CaseStatus> withdrawProposal(long caseId, Actor actor, String reason) {
        if (reason == null || reason.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reason.required"));
        }
        return transition(caseId, CaseCommand.WITHDRAW_PROPOSAL, actor, reason, null);
    }

    /** Called by the proposals module after it has checked the proposal belongs to the actor's municipality. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<CaseStatus> reject(long caseId, Actor actor, String municipalityNumber, String reason) {
        return transition(caseId, CaseCommand.REJECT, actor, reason, municipalityNumber);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<CaseStatus> accept(long caseId, Actor actor, String municipalityNumber, String reason) {
        return transition(caseId, CaseCommand.ACCEPT, actor, reason, municipalityNumber);
    }

    /**
     * Approval of an agreed self-settlement: called by the self-settlement module inside its own
     * transaction, which then makes the settlement decisions against the municipality's places.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<CaseStatus> approveSelfSettlement(long caseId, Actor actor, String municipalityNumber, String reason) {
        return transition(caseId, CaseCommand.APPROVE_SELF_SETTLEMENT, actor, reason, municipalityNumber);
    }

    /**
     * The agency accepted a private resident's application: the case goes into mapping, also from
     * APPLICATION_DEADLINE_MISSED (a late application accepted on the discretionary path). Called by the applications
     * module, which checks who may accept.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<CaseStatus> acceptApplication(long caseId, Actor actor, String reason) {
        return transition(caseId, CaseCommand.ACCEPT_APPLICATION, actor, reason, null);
    }

    /** The private resident's application was refused: the right ends, and the case is closed with that reason. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<CaseStatus> endApplicationRight(long caseId, Actor actor, String reason) {
        CommandResult<CaseStatus> result = transition(caseId, CaseCommand.END_APPLICATION_RIGHT, actor,
                words.nb("close.", CloseReason.APPLICATION_REFUSED) + ": " + reason, null);
        if (result.isSuccess()) {
            jdbc.sql("update settlement_case set closed_reason = :r where id = :id")
                    .param("r", CloseReason.APPLICATION_REFUSED.name()).param("id", caseId).update();
        }
        return result;
    }

    /** No application by the six-month deadline: the case leaves the flow (a late application may still bring it back). */
    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<CaseStatus> lapseApplicationRight(long caseId, Actor actor, String reason) {
        return transition(caseId, CaseCommand.LAPSE_APPLICATION_RIGHT, actor, reason, null);
    }

    /** A granted reconsideration returns the household to allocation; called by the decisions module. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<CaseStatus> reopenAfterReconsideration(long caseId, Actor actor, String reason) {
        if (reason == null || reason.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reason.required"));
        }
        return transition(caseId, CaseCommand.REOPEN_AFTER_RECONSIDERATION, actor, reason, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<CaseStatus> registerSettled(long caseId, Actor actor, String reason) {
        return transition(caseId, CaseCommand.REGISTER_SETTLED, actor, reason, null);
    }

    /**
     * The refugee declined the single offer: needs a reason and the record of how and when the person was
     * informed of the consequence (no introduction programme or benefit), stored with the history line.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<CaseStatus> declineOffer(long caseId, Actor actor, String reason, ConsequenceInformed informed) {
        // Who may act is answered before what is wrong with the request, so a refusal never depends on the input.
        if (!CaseCommand.DECLINE_OFFER.allowedFor(actor.role())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        Optional<CommandFailure> invalid = informedProblem(caseId, informed);
        if (invalid.isPresent()) {
            return CommandResult.fail(invalid.get());
        }
        if (reason == null || reason.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reason.required"));
        }
        CommandResult<CaseStatus> result = transition(caseId, CaseCommand.DECLINE_OFFER, actor,
                reason.trim() + ". " + informed.describe(actor.displayName()), null);
        if (result.isSuccess()) {
            storeInformed(caseId, CaseCommand.DECLINE_OFFER, informed, actor);
        }
        return result;
    }

    /**
     * Closes a case before settlement: needs a reason code and, when the closing is the refugee's own choice
     * ({@link CloseReason#needsInformed()}), the record of how and when the person was informed of the consequence
     * (settlement-process §4.3), stored with the history line. A case with an offer (accepted, or held while the
     * household is away) is closed by {@link CaseCommand#CLOSE_WITH_OFFER}: its places are released and the
     * municipality told ({@link CaseOfferChanged}).
     */
    @Transactional
    public CommandResult<CaseStatus> close(long caseId, Actor actor, CloseReason closeReason, String text, ConsequenceInformed informed) {
        CaseCommand command = closeCommand(caseId);
        if (!command.allowedFor(actor.role())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (closeReason == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("closeReason", "error.closeReason.required"));
        }
        if (!CloseReason.chosenByCaseworker().contains(closeReason)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("closeReason", "error.closeReason.applicationOnly"));
        }
        boolean needsInformed = closeReason.needsInformed();
        Optional<CommandFailure> invalid = needsInformed ? informedProblem(caseId, informed) : Optional.empty();
        if (invalid.isPresent()) {
            return CommandResult.fail(invalid.get());
        }
        String reason = closeReason.name() + (text == null || text.isBlank() ? "" : ": " + text.trim())
                + (needsInformed ? ". " + informed.describe(actor.displayName()) : "");
        CommandResult<CaseStatus> result = transition(caseId, command, actor, reason, null);
        if (result.isSuccess()) {
            jdbc.sql("update settlement_case set closed_reason = :r where id = :id").param("r", closeReason.name()).param("id", caseId).update();
            jdbc.sql("update case_absence set ended_on = :d where case_id = :id and ended_on is null")
                    .param("d", LocalDate.now(clock)).param("id", caseId).update();
            if (needsInformed) {
                storeInformed(caseId, CaseCommand.CLOSE, informed, actor);
            }
        }
        return result;
    }

    /** The closing command for the case as it is now: with an offer to release, or before one. */
    private CaseCommand closeCommand(long caseId) {
        return jdbc.sql("select status from settlement_case where id = :id").param("id", caseId).query(String.class).optional()
                .map(CaseStatus::valueOf).filter(CaseCommand.CLOSE_WITH_OFFER::appliesTo)
                .map(s -> CaseCommand.CLOSE_WITH_OFFER).orElse(CaseCommand.CLOSE);
    }

    /**
     * The agency withdraws an accepted offer with a reason: the household's places are released and the municipality
     * told in the case thread ({@link CaseOfferChanged}); the household is ready for allocation again.
     */
    @Transactional
    public CommandResult<CaseStatus> withdrawOffer(long caseId, Actor actor, String reason) {
        if (!CaseCommand.WITHDRAW_OFFER.allowedFor(actor.role())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (reason == null || reason.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reason.required"));
        }
        return transition(caseId, CaseCommand.WITHDRAW_OFFER, actor, reason.trim(), null);
    }

    /** The confirmations that the persons were informed of the consequence, oldest first. */
    @Transactional(readOnly = true)
    public List<InformedRecord> informedRecords(long caseId) {
        return jdbc.sql("""
                select id, command, informed_on, channel, language, interpreter, informed_by, informed_by_role, created_at
                from consequence_information where case_id = :id order by created_at, id
                """)
                .param("id", caseId)
                .query((rs, n) -> new InformedRecord(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        InformationChannel.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getObject(9, OffsetDateTime.class)))
                .list();
    }

    /** The first problem with the informed record, checked against the case's permit date; an unknown case is not found. */
    private Optional<CommandFailure> informedProblem(long caseId, ConsequenceInformed informed) {
        Optional<LocalDate> permitDate = jdbc.sql("select permit_date from settlement_case where id = :id").param("id", caseId)
                .query(LocalDate.class).optional();
        if (permitDate.isEmpty()) {
            return Optional.of(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        if (informed == null) {
            return Optional.of(CommandFailure.RuleBroken.of("informed", "error.informed.required"));
        }
        return informed.problems(LocalDate.now(clock), permitDate.get()).stream().findFirst()
                .map(p -> CommandFailure.RuleBroken.of(p.field(), p.messageKey(), p.args().toArray()));
    }

    private void storeInformed(long caseId, CaseCommand command, ConsequenceInformed informed, Actor actor) {
        jdbc.sql("""
                insert into consequence_information (case_id, command, informed_on, channel, language, interpreter,
                    informed_by, informed_by_role, created_at, created_by)
                values (:id, :command, :on, :channel, :language, :interpreter, :by, :role, :now, :by)
                """)
                .param("id", caseId).param("command", command.name()).param("on", informed.date())
                .param("channel", informed.channel().name()).param("language", informed.language())
                .param("interpreter", informed.interpreter()).param("by", actor.username()).param("role", actor.role().name())
                .param("now", OffsetDateTime.now(clock)).update();
    }

    /**
     * Records that the household moved out of its reception centre on a date: the living situation
     * changes and the case stays in the flow (or is closed by the agency after the person was informed).
     * A move to the settlement municipality is recorded only once every member has a settlement date, which
     * the centre registers with the move-out through the decisions module. Reception staff reach only a household
     * living in their centre now and not yet settled ({@link ReceptionScope}); any other reads as not found.
     */
    @Transactional
    public CommandResult<LivingSituation> recordMoveOut(long caseId, Actor actor, LocalDate date, LivingSituation newSituation,
                                                        String municipalityNumber) {
        Optional<Row> row = lock(caseId);
        if (row.isEmpty() || !(actor.isAgency() || ReceptionScope.sees(actor, row.get().receptionCentreId(), row.get().status(),
                row.get().livingSituation()))) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        if (actor.role() != Role.RECEPTION_STAFF && actor.role() != Role.AGENCY_CASEWORKER) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (date == null || date.isAfter(LocalDate.now(clock))) {
            return CommandResult.fail(dateProblem(date));
        }
        if (newSituation == null || newSituation.inReceptionSystem() && newSituation != LivingSituation.AMOT) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("newSituation", "error.moveOut.situation"));
        }
        if (row.get().receptionCentreId() == null) {
            return CommandResult.fail(CommandFailure.WrongState.of(row.get().status().name(), "error.moveOut.notInCentre"));
        }
        // Moving to the settlement municipality goes with the settlement dates (SettlementDecisions.recordMoveOutToMunicipality).
        if (newSituation == LivingSituation.SETTLED_IN_MUNICIPALITY && row.get().status() != CaseStatus.SETTLED) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("newSituation", "error.moveOut.settleWithDates"));
        }
        // The same history rule as every other change of the living situation: the move-out may not overlap the current period.
        Optional<no.bosetting.shared.FieldProblem> overlap = ResidencePeriods.sequenceProblem(ResidencePeriods.withNew(
                LivingSituations.periods(jdbc, caseId), new ResidencePeriods.Period(newSituation, null, municipalityNumber, date, null)),
                LocalDate.now(clock));
        if (overlap.isPresent()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("date", overlap.get().messageKey(), overlap.get().args().toArray()));
        }
        moveOut(caseId, row.get().status(), actor, date, newSituation, municipalityNumber);
        return CommandResult.ok(newSituation);
    }

    /**
     * The last step of the centre's move-out to the settlement municipality (SettlementDecisions.recordMoveOutToMunicipality):
     * the dates registered in the caller's transaction have just settled the case, and the household now leaves the
     * centre. The caller checked, while the case was still offered, that the household lived in the actor's centre;
     * here the household must still live there, and the case must be settled.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<LivingSituation> recordMoveOutToSettlementMunicipality(long caseId, Actor actor, LocalDate date) {
        Optional<Row> row = lock(caseId);
        boolean ownResident = row.isPresent() && (actor.is(Role.AGENCY_CASEWORKER)
                || ReceptionScope.sees(actor, row.get().receptionCentreId(), CaseStatus.OFFERED, row.get().livingSituation()));
        if (!ownResident) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        if (row.get().status() != CaseStatus.SETTLED) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("newSituation", "error.moveOut.settleWithDates"));
        }
        if (date == null || date.isAfter(LocalDate.now(clock))) {
            return CommandResult.fail(dateProblem(date));
        }
        if (row.get().receptionCentreId() == null) {
            return CommandResult.fail(CommandFailure.WrongState.of(row.get().status().name(), "error.moveOut.notInCentre"));
        }
        String municipality = jdbc.sql("select settlement_municipality from settlement_case where id = :id").param("id", caseId)
                .query(String.class).single();
        moveOut(caseId, row.get().status(), actor, date, LivingSituation.SETTLED_IN_MUNICIPALITY, municipality);
        return CommandResult.ok(LivingSituation.SETTLED_IN_MUNICIPALITY);
    }

    private static CommandFailure dateProblem(LocalDate date) {
        return CommandFailure.RuleBroken.of("date", date == null ? "error.date.required" : "error.date.future");
    }

    private void moveOut(long caseId, CaseStatus status, Actor actor, LocalDate date, LivingSituation newSituation,
                         String municipalityNumber) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update residence_history set to_date = :d where to_date is null
                and person_id in (select id from person where case_id = :id and removed_on is null)
                """).param("d", date).param("id", caseId).update();
        jdbc.sql("""
                insert into residence_history (person_id, kind, municipality_number, from_date, created_at, created_by)
                select id, :kind, :m, :d, :now, :by from person where case_id = :id and removed_on is null
                """)
                .param("kind", newSituation.name()).param("m", municipalityNumber).param("d", date)
                .param("now", now).param("by", actor.username()).param("id", caseId).update();
        jdbc.sql("""
                update settlement_case set living_situation = :kind, reception_centre_id = null,
                    living_municipality_number = :m, updated_at = :now, updated_by = :by, version = version + 1
                where id = :id
                """)
                .param("kind", newSituation.name()).param("m", municipalityNumber)
                .param("now", now).param("by", actor.username()).param("id", caseId).update();
        appendHistory(caseId, actor, "RECORD_MOVE_OUT", status, status,
                "Flyttet ut " + date + " → " + words.nb("living.", newSituation) + (municipalityNumber == null ? "" : " " + municipalityNumber));
    }

    /** The commands this actor could issue on the case now, for showing only valid actions. */
    @Transactional(readOnly = true)
    public List<CaseCommand> validCommands(long caseId, Actor actor) {
        Optional<Row> row = jdbc.sql("select status, reception_centre_id, settlement_municipality, 0, living_situation, living_municipality_number from settlement_case where id = :id")
                .param("id", caseId)
                .query((rs, n) -> row(rs))
                .optional();
        List<CaseCommand> valid = new ArrayList<>();
        boolean mayAct = row.isPresent() && protection.mayAct(actor, caseId);
        row.ifPresent(r -> {
            for (CaseCommand c : CaseCommand.values()) {
                if (c.appliesTo(r.status()) && c.allowedFor(actor.role()) && inScope(c, r, actor, r.settlementMunicipality())
                        && CaseLifecycle.validNow(jdbc, caseId, c) && (mayAct || proposalStep(c))) {
                    valid.add(c);
                }
            }
        });
        return valid;
    }

    /** Appends a history line for a change that is not a status transition (e.g. a corrected date). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void note(long caseId, Actor actor, String command, String reason) {
        CaseStatus status = jdbc.sql("select status from settlement_case where id = :id").param("id", caseId)
                .query((rs, n) -> CaseStatus.valueOf(rs.getString(1))).single();
        appendHistory(caseId, actor, command, status, status, reason);
    }

    private CommandResult<CaseStatus> transition(long caseId, CaseCommand command, Actor actor, String reason,
                                                 String municipalityNumber) {
        Optional<Row> locked = lock(caseId);
        if (locked.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        Row row = locked.get();
        if (!command.allowedFor(actor.role())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        String municipality = municipalityNumber != null ? municipalityNumber : row.settlementMunicipality();
        if (!inScope(command, row, actor, municipality)) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        if (!protectionAllows(command, actor, caseId)) {
            return CommandResult.fail(ProtectedAddress.notDesignated());
        }
        if (!command.appliesTo(row.status())) {
            return CommandResult.fail(CommandFailure.WrongState.of(row.status().name(), "error.case.wrongState",
                    row.status().name(), command.name()));
        }
        CaseStatus to = command.target();
        if (command == CaseCommand.CLOSE_WITH_OFFER || command == CaseCommand.WITHDRAW_OFFER) {
            // Told before the case moves, so the listeners still see the offer (the decisions release its places).
            events.publishEvent(new CaseOfferChanged(caseId, row.settlementMunicipality(), command, actor, reason));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update settlement_case set status = :to, status_changed_at = :now, updated_at = :now, updated_by = :by,
                    version = version + 1,
                    ready_since = case when :to = 'READY_FOR_ALLOCATION' and ready_since is null then :today else ready_since end,
                    settlement_municipality = case when :to = 'OFFERED' then :m
                                                   when :to in ('READY_FOR_ALLOCATION', 'DECLINED') then null
                                                   else settlement_municipality end
                where id = :id
                """)
                .param("to", to.name()).param("now", now).param("by", actor.username())
                .param("today", LocalDate.now(clock)).param("m", municipalityNumber).param("id", caseId)
                .update();
        appendHistory(caseId, actor, command.name(), row.status(), to, reason);
        return CommandResult.ok(to);
    }

    /** A protected household: only designated users act on it, except the allocation's proposal steps (ProtectedAddress). */
    private boolean protectionAllows(CaseCommand command, Actor actor, long caseId) {
        return proposalStep(command) || protection.mayAct(actor, caseId);
    }

    private static boolean proposalStep(CaseCommand command) {
        return command == CaseCommand.PROPOSE || command == CaseCommand.WITHDRAW_PROPOSAL;
    }

    static boolean inScope(CaseCommand command, Row row, Actor actor, String municipality) {
        return switch (actor.role()) {
            case AGENCY_CASEWORKER, AGENCY_PLANNER, AGENCY_ADMIN -> true;
            case RECEPTION_STAFF -> ReceptionScope.sees(actor, row.receptionCentreId(), row.status(), row.livingSituation());
            // The interview of a private resident: the municipality the household lives in (report 000 around 3651–3667).
            case MUNICIPALITY_OFFICER -> command == CaseCommand.RECORD_INTERVIEW
                    ? MappingScope.municipalityMaps(actor, row.livingSituation(), row.livingMunicipality())
                    : actor.isMunicipality(municipality);
            default -> false;
        };
    }

    Optional<Row> lock(long caseId) {
        return jdbc.sql("select status, reception_centre_id, settlement_municipality, version, living_situation, living_municipality_number from settlement_case where id = :id for update")
                .param("id", caseId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    void appendHistory(long caseId, Actor actor, String command, CaseStatus from, CaseStatus to, String reason) {
        CASE_HISTORY.append(jdbc, clock, caseId, actor, command, from, to, reason);
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(CaseStatus.valueOf(rs.getString(1)), (Long) rs.getObject(2), rs.getString(3), rs.getInt(4),
                LivingSituation.valueOf(rs.getString(5)), rs.getString(6));
    }

    record Row(CaseStatus status, Long receptionCentreId, String settlementMunicipality, int version,
               LivingSituation livingSituation, String livingMunicipality) {
    }
}
