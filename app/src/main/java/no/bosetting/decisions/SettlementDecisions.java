package no.bosetting.decisions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import no.bosetting.access.Actor;
import no.bosetting.access.Transition;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.ConsequenceInformed;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.ReceptionScope;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on settlement municipality and the places they take, by the one place rule ({@link PlaceRule#take}):
 * settled plus accepted-not-yet-settled never exceeds a municipality's decided number unless an agency user overrides
 * with a reason.
 */
@Service
public class SettlementDecisions {

    private static final String COLUMNS = """
            id, case_id, person_id, municipality_number, status, decided_at, decided_by, planned_settlement_date,
            settlement_date, place_year, override_reason
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PlaceRule places;
    private final CaseCommands caseCommands;
    private final CaseQueries caseQueries;
    private final Outbox outbox;
    private final UserAccounts users;
    private final Municipalities municipalities;
    private final ApplicationEventPublisher events;

    public SettlementDecisions(JdbcClient jdbc, Clock clock, PlaceRule places, CaseCommands caseCommands,
                               CaseQueries caseQueries, Outbox outbox, UserAccounts users, Municipalities municipalities,
                               ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.places = places;
        this.caseCommands = caseCommands;
        this.caseQueries = caseQueries;
        this.outbox = outbox;
        this.users = users;
        this.municipalities = municipalities;
    }

    /**
     * Makes one decision per household member after an acceptance. Runs inside the accepting
     * transaction; a failure here rolls the acceptance back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CommandResult<List<Long>> offer(long caseId, Long proposalId, String municipalityNumber,
                                           Map<Long, LocalDate> plannedDates, Actor actor, String overrideReason) {
        // The caller (an acceptance, an approved self-settlement) has found the household in the actor's scope.
        if (!DecisionCommand.OFFER.allowedFor(actor.role())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        List<Long> personIds = caseQueries.personIds(caseId);
        LocalDate today = LocalDate.now(clock);
        for (Long personId : personIds) {
            LocalDate planned = plannedDates.get(personId);
            if (planned == null) {
                return CommandResult.fail(DecisionFields.about(DecisionFields.PLANNED, personId, "error.planned.required"));
            }
            if (planned.isBefore(today)) {
                return CommandResult.fail(DecisionFields.about(DecisionFields.PLANNED, personId, "error.planned.past"));
            }
            if (planned.isAfter(today.plusYears(1))) {
                return CommandResult.fail(DecisionFields.about(DecisionFields.PLANNED, personId, "error.planned.tooLate"));
            }
        }
        CaseSummary summary = caseQueries.summaryForSystem(caseId).orElseThrow();
        PlaceOverride override = PlaceOverride.of(actor, overrideReason);
        // The one place rule, per year the planned dates fall in, in year order so two acceptances cannot deadlock.
        for (Integer year : new TreeSet<>(plannedDates.values().stream().map(LocalDate::getYear).toList())) {
            int persons = (int) plannedDates.values().stream().filter(d -> d.getYear() == year).count();
            Optional<PlacesRefused> refused = places.take(municipalityNumber, year, persons,
                    summary.unaccompaniedMinor() ? persons : 0, 0, override);
            if (refused.isPresent()) {
                return CommandResult.fail(refused.get().failure("capacity"));
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> ids = new java.util.ArrayList<>();
        for (Long personId : personIds) {
            LocalDate planned = plannedDates.get(personId);
            ids.add(jdbc.sql("""
                    insert into settlement_decision (case_id, person_id, proposal_id, municipality_number, status,
                        unaccompanied_minor, decided_at, decided_by, planned_settlement_date, place_year, override_reason,
                        created_at, created_by, updated_at, updated_by)
                    values (:case, :person, :proposal, :m, 'OFFERED', :um, :now, :by, :planned, :year, :override,
                        :now, :by, :now, :by)
                    returning id
                    """)
                    .param("case", caseId).param("person", personId).param("proposal", proposalId)
                    .param("m", municipalityNumber).param("um", summary.unaccompaniedMinor()).param("now", now)
                    .param("by", actor.username()).param("planned", planned).param("year", planned.getYear())
                    .param("override", override == null ? null : override.reason())
                    .query(Long.class).single());
        }
        String municipalityName = municipalities.name(municipalityNumber);
        for (Long personId : personIds) {
            outbox.enqueue("DECISION_LETTER", "person:" + personId, Wording.of("decision.notice.offer.subject", municipalityName),
                    Wording.of("decision.notice.offer.body", municipalityName, Wording.date(plannedDates.get(personId))), caseId);
        }
        Long centre = ReceptionScope.currentCentre(summary);
        if (centre != null) {
            // The centre the household lives in now is told (settlement-process §4.3); a centre it has left is not.
            for (String staff : users.usernamesForReceptionCentre(centre)) {
                outbox.enqueue("NOTIFICATION", staff, Wording.of("decision.notice.centre.subject", summary.reference(), municipalityName),
                        Wording.of("decision.notice.centre.body", Wording.date(new TreeSet<>(plannedDates.values()).first())), caseId);
            }
        }
        // Listeners (the letters) write in this transaction, so the letters are stored with the decisions.
        events.publishEvent(new SettlementOffered(caseId, municipalityNumber, List.copyOf(ids), actor));
        return CommandResult.ok(ids);
    }

    /**
     * The refugee declined the single offer; the places are released and the case ends. Needs the record
     * of how and when the person was informed of the consequence.
     */
    @Transactional
    public CommandResult<CaseStatus> decline(long caseId, Actor actor, String reason, ConsequenceInformed informed) {
        Optional<CommandFailure> refused = guardHousehold(DecisionCommand.DECLINE, actor, caseQueries.summary(caseId, actor), caseId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        CommandResult<CaseStatus> result = caseCommands.declineOffer(caseId, actor, reason, informed);
        if (result.isSuccess()) {
            jdbc.sql("update settlement_decision set status = 'DECLINED', closed_at = :now, updated_at = :now, updated_by = :by where case_id = :case and status = 'OFFERED'")
                    .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("case", caseId).update();
        }
        return result;
    }

    /**
     * The reception centre (or an agency caseworker) records that an offered household moved out to its
     * settlement municipality on {@code date}, with each member's actual settlement date (settlement-process §4.4):
     * the dates follow the municipality's rules and audit, and may also be neither before the decision nor in the
     * future. Every open decision needs a date, keyed by decision id; all or nothing. Staff of another centre
     * get "not found". The municipality sees the dates and corrects them as its own, with history. A failure names
     * {@link DecisionFields#DATE} for the move-out date and {@link DecisionFields#SETTLEMENT_DATE} with the decision id.
     */
    @Transactional
    public CommandResult<CaseStatus> recordMoveOutToMunicipality(long caseId, Actor actor, LocalDate date,
                                                                 Map<Long, LocalDate> settlementDates) {
        Optional<CaseSummary> found = caseQueries.summaryForSystem(caseId).filter(s -> s.receptionCentreId() != null
                && (ReceptionScope.sees(actor, s) || actor.isAgency()));
        Optional<CommandFailure> refused = guardHousehold(DecisionCommand.REGISTER_AT_MOVE_OUT, actor, found, caseId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        CaseSummary summary = found.get();
        LocalDate today = LocalDate.now(clock);
        if (date == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of(DecisionFields.DATE, "error.date.required"));
        }
        if (date.isAfter(today)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of(DecisionFields.DATE, "error.date.future"));
        }
        List<SettlementDecision> open = jdbc.sql("select " + COLUMNS + " from settlement_decision where case_id = :c and status = 'OFFERED' order by id for update")
                .param("c", caseId).query((rs, n) -> map(rs)).list();
        for (SettlementDecision d : open) {
            LocalDate settled = settlementDates.get(d.id());
            LocalDate decided = d.decidedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
            if (settled == null) {
                return CommandResult.fail(DecisionFields.about(DecisionFields.SETTLEMENT_DATE, d.id(), "error.date.required"));
            }
            Optional<SettlementDateRule.Refusal> r = SettlementDateRule.refusal(settled, decided, summary.permitDate(), today);
            if (r.isPresent()) {
                return CommandResult.fail(DecisionFields.about(DecisionFields.SETTLEMENT_DATE, d.id(), r.get().messageKey(), r.get().args().toArray()));
            }
        }
        // Every date is checked above as the member's, so the registration has no rule left to refuse.
        for (SettlementDecision d : open) {
            CommandResult<SettlementDecision> registered = register(d, settlementDates.get(d.id()), null, actor, summary);
            if (!registered.isSuccess()) {
                throw new CommandFailedException(registered.failure());
            }
        }
        CommandResult<LivingSituation> moved = caseCommands.recordMoveOutToSettlementMunicipality(caseId, actor, date);
        if (!moved.isSuccess()) {
            throw new CommandFailedException(moved.failure());
        }
        return CommandResult.ok(caseQueries.summaryForSystem(caseId).orElseThrow().status());
    }

    /**
     * The one guard order for a command on a household's decisions together: the case in the actor's scope, the
     * role, and the decisions open (offered) — which they are exactly while the case is offered.
     */
    private static Optional<CommandFailure> guardHousehold(DecisionCommand command, Actor actor, Optional<CaseSummary> inScope,
                                                           long caseId) {
        if (inScope.isEmpty()) {
            return Optional.of(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        if (!command.allowedFor(actor.role())) {
            return Optional.of(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        CaseStatus status = inScope.get().status();
        return status == CaseStatus.OFFERED ? Optional.empty() : Optional.of(command.wrongState(status.name()));
    }

    /**
     * Revokes the household's offered decisions after a granted reconsideration, releasing their places
     * (places count only OFFERED and SETTLED). Runs inside the caller's transaction; returns how many
     * decisions were revoked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int revoke(long caseId, Actor actor, String reason) {
        // The caller (a granted reconsideration) has found the household; only the designated group revokes.
        if (!DecisionCommand.REVOKE.allowedFor(actor.role())) {
            throw new CommandFailedException(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (reason == null || reason.isBlank()) {
            throw new CommandFailedException(CommandFailure.RuleBroken.of("reason", "error.reason.required"));
        }
        return jdbc.sql("""
                update settlement_decision set status = 'REVOKED', closed_at = :now, updated_at = :now, updated_by = :by
                where case_id = :case and status = 'OFFERED'
                """)
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("case", caseId).update();
    }

    /**
     * Registers or corrects one person's actual settlement date. A correction needs a reason and is
     * kept in the history; when every member has a date, the case becomes settled.
     */
    @Transactional
    public CommandResult<SettlementDecision> registerSettlementDate(long decisionId, LocalDate date, String reason, Actor actor) {
        Optional<SettlementDecision> found = jdbc.sql("select " + COLUMNS + " from settlement_decision where id = :id for update")
                .param("id", decisionId).query((rs, n) -> map(rs)).optional();
        Optional<CaseSummary> summary = found.flatMap(d -> caseQueries.summaryForSystem(d.caseId()));
        Optional<SettlementDecision> inScope = found.filter(d -> inScope(actor, d, summary.orElseThrow()));
        DecisionCommand command = dateCommand(found.map(SettlementDecision::status).orElse(DecisionStatus.OFFERED));
        Optional<CommandFailure> refused = command.check(actor, inScope.map(SettlementDecision::status), decisionId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        return register(inScope.get(), date, reason, actor, summary.get());
    }

    /** Registering the first date, or correcting a registered one. */
    private static DecisionCommand dateCommand(DecisionStatus status) {
        return status == DecisionStatus.SETTLED ? DecisionCommand.CORRECT_SETTLEMENT_DATE : DecisionCommand.REGISTER_SETTLEMENT_DATE;
    }

    /** The registration itself, after the caller has guarded the command (scope, role, an open or settled decision). */
    private CommandResult<SettlementDecision> register(SettlementDecision d, LocalDate date, String reason, Actor actor,
                                                       CaseSummary summary) {
        long decisionId = d.id();
        LocalDate today = LocalDate.now(clock);
        if (date == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("date", "error.date.required"));
        }
        Optional<SettlementDateRule.Refusal> r = SettlementDateRule.refusal(date, d.decidedAt().atZoneSameInstant(clock.getZone()).toLocalDate(), summary.permitDate(), today);
        if (r.isPresent()) {
            return CommandResult.fail(new CommandFailure.RuleBroken("date", r.get().messageKey(), r.get().args()));
        }
        boolean correction = d.settlementDate() != null;
        if (correction && (reason == null || reason.isBlank())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.correction.reasonRequired"));
        }
        if (correction && d.settlementDate().equals(date)) {
            return CommandResult.ok(d);
        }
        Optional<CommandFailure> placeInYear = takePlaceIn(d, date.getYear(), summary.unaccompaniedMinor());
        if (placeInYear.isPresent()) {
            return CommandResult.fail(placeInYear.get());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update settlement_decision set settlement_date = :d, status = 'SETTLED', place_year = :y,
                    updated_at = :now, updated_by = :by where id = :id
                """)
                .param("d", date).param("y", date.getYear()).param("now", now).param("by", actor.username())
                .param("id", decisionId).update();
        jdbc.sql("""
                insert into settlement_date_change (settlement_decision_id, changed_at, changed_by, changed_by_role, old_date, new_date, reason)
                values (:id, :now, :by, :role, :old, :new, :reason)
                """)
                .param("id", decisionId).param("now", now).param("by", actor.username()).param("role", actor.role().name())
                .param("old", d.settlementDate()).param("new", date).param("reason", reason == null || reason.isBlank() ? null : reason.trim())
                .update();
        long remaining = jdbc.sql("select count(*) from settlement_decision where case_id = :c and status = 'OFFERED'")
                .param("c", d.caseId()).query(Long.class).single();
        if (correction) {
            caseCommands.note(d.caseId(), actor, "CORRECT_SETTLEMENT_DATE",
                    "Bosettingsdato endret fra " + d.settlementDate() + " til " + date + ": " + reason.trim());
            events.publishEvent(new SettlementDateCorrected(d.caseId()));
        } else if (remaining == 0 && summary.status() == CaseStatus.OFFERED) {
            CommandResult<CaseStatus> settled = caseCommands.registerSettled(d.caseId(), actor, "Alle i husstanden er bosatt");
            if (!settled.isSuccess()) {
                throw new CommandFailedException(settled.failure());
            }
            LocalDate first = jdbc.sql("select min(settlement_date) from settlement_decision where case_id = :c and status = 'SETTLED'")
                    .param("c", d.caseId()).query(LocalDate.class).single();
            // Listeners (the housing register) act in this transaction, so the dwelling and the case change together.
            events.publishEvent(new HouseholdSettled(d.caseId(), d.municipalityNumber(), first));
        }
        return CommandResult.ok(find(decisionId).orElseThrow());
    }

    /**
     * A place counts in the year of its planned settlement date, and once the actual date is registered, in that
     * date's year. A date that moves the place into another year takes a place there by the one place rule
     * ({@link PlacesUsed#roomFor}) under that year's decision lock, as an acceptance does, so a December acceptance
     * settled in January (or the reverse) can never push a year past its decided number unseen; a decision made with
     * the agency's recorded override keeps it, and a year without a decided number has none to exceed.
     */
    private Optional<CommandFailure> takePlaceIn(SettlementDecision d, int year, boolean unaccompaniedMinor) {
        if (year == d.placeYear() || d.overrideReason() != null) {
            return Optional.empty();
        }
        int reunified = jdbc.sql("select case when reunified then 1 else 0 end from settlement_decision where id = :id")
                .param("id", d.id()).query(Integer.class).single();
        Optional<PlacesRefused> refused = places.take(d.municipalityNumber(), year, 1, unaccompaniedMinor ? 1 : 0, reunified, null);
        // No decided number for that year, so none to exceed: a registered fact (unlike an acceptance, which plans)
        // is recorded, and the place shows as used in that year without a decision.
        return refused.filter(r -> r.reason() != PlacesRefused.Reason.NO_DECISION)
                .map(r -> CommandFailure.RuleBroken.of("date", "error.settlementDate.yearFull", r.municipalityName(), year,
                        r.limit(), r.used()));
    }

    /**
     * Moves the planned settlement date of a household that is offered but not yet settled to the day its
     * dwelling becomes available, when that is later; the case history says why.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int followDwellingAvailability(long caseId, LocalDate availableFrom, Actor actor) {
        int moved = jdbc.sql("""
                update settlement_decision set planned_settlement_date = :d, updated_at = :now, updated_by = :by
                where case_id = :c and status = 'OFFERED' and planned_settlement_date < :d
                """)
                .param("d", availableFrom).param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .param("c", caseId).update();
        if (moved > 0) {
            caseCommands.note(caseId, actor, "PLANNED_DATE_FOLLOWS_DWELLING",
                    "Planlagt bosettingsdato flyttet til " + availableFrom + " da boligen blir ledig");
            events.publishEvent(new PlannedSettlementDateChanged(caseId, actor));
        }
        return moved;
    }

    /** Who may know of a decision: the agency, the decision's municipality, and the centre the household lives in now. */
    private static boolean inScope(Actor actor, SettlementDecision d, CaseSummary summary) {
        return actor.isAgency() || actor.isMunicipality(d.municipalityNumber()) || ReceptionScope.sees(actor, summary);
    }

    /**
     * The commands the actor may issue on each of the household's decisions now (decision id → commands, in the
     * decisions' order), for the case page; none outside the actor's scope. Commands on the household's decisions
     * together (the move-out, declining) apply while its case is offered.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<DecisionCommand>> validCommands(Actor actor, CaseSummary summary) {
        Map<Long, List<DecisionCommand>> commands = new java.util.LinkedHashMap<>();
        for (SettlementDecision d : forCase(summary.id())) {
            commands.put(d.id(), inScope(actor, d, summary) ? validFor(actor, d, summary) : List.of());
        }
        return commands;
    }

    private static List<DecisionCommand> validFor(Actor actor, SettlementDecision d, CaseSummary summary) {
        List<DecisionCommand> valid = new java.util.ArrayList<>(Transition.valid(DecisionCommand.class, actor, d.status()));
        boolean offered = summary.status() == CaseStatus.OFFERED;
        valid.removeIf(c -> c == DecisionCommand.DECLINE && !offered
                || c == DecisionCommand.REGISTER_AT_MOVE_OUT && !(offered && summary.receptionCentreId() != null));
        return valid;
    }

    public Optional<SettlementDecision> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from settlement_decision where id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    public List<SettlementDecision> forCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from settlement_decision where case_id = :c order by id").param("c", caseId)
                .query((rs, n) -> map(rs)).list();
    }

    public List<SettlementDateChange> dateChanges(long caseId) {
        return jdbc.sql("""
                select c.settlement_decision_id, c.changed_at, c.changed_by, c.changed_by_role, c.old_date, c.new_date, c.reason
                from settlement_date_change c join settlement_decision d on d.id = c.settlement_decision_id
                where d.case_id = :c order by c.changed_at, c.id
                """)
                .param("c", caseId)
                .query((rs, n) -> new SettlementDateChange(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7)))
                .list();
    }

    /** The places of a municipality in a year, as the one place rule counts them ({@link PlaceRule#placesUsed}). */
    public PlacesUsed placesUsed(String municipalityNumber, int year) {
        return places.placesUsed(municipalityNumber, year);
    }

    /**
     * A household decided for a municipality: how many of its persons got an offer there, and the household's own size
     * and whether it is an unaccompanied minor (issue 23: heavy-case balance, {@code interview.HeavyCases}).
     */
    public record DecidedHousehold(long caseId, String municipalityNumber, int persons, int householdPersons,
                                   boolean unaccompaniedMinor) { }

    /** The households offered or settled by decisions made from {@code from} (inclusive) to {@code to} (exclusive). */
    public List<DecidedHousehold> decidedHouseholds(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                        select d.case_id, d.municipality_number, count(*), c.persons, c.unaccompanied_minor
                        from settlement_decision d join settlement_case c on c.id = d.case_id
                        where d.decided_at >= :from and d.decided_at < :to and d.status in ('OFFERED', 'SETTLED')
                        group by d.case_id, d.municipality_number, c.persons, c.unaccompanied_minor
                        """)
                .param("from", from).param("to", to).query((rs, n) -> new DecidedHousehold(rs.getLong(1), rs.getString(2),
                        rs.getInt(3), rs.getInt(4), rs.getBoolean(5))).list();
    }

    /** Places per municipality for a year ({@link PlaceRule#placesForYear}). */
    public List<PlacesUsed> placesForYear(int year) {
        return places.placesForYear(year);
    }

    private static SettlementDecision map(ResultSet rs) throws SQLException {
        return new SettlementDecision(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("person_id"),
                rs.getString("municipality_number"), DecisionStatus.valueOf(rs.getString("status")),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getObject("planned_settlement_date", LocalDate.class), rs.getObject("settlement_date", LocalDate.class),
                rs.getInt("place_year"), rs.getString("override_reason"));
    }
}
