package no.bosetting.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import no.bosetting.access.Actor;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rest of a case's life cycle (issue 20 item 4): a household temporarily absent (travelled abroad, report 000
 * lines 4027–4037) with the accepting municipality's choice to hold or release its places and the return to the
 * state before; and reopening a closed case. Closing and withdrawing an offer are in {@link CaseCommands}. Every
 * command is guarded in the one order (found in scope, role, state) before its own rules, and a household with an
 * offer tells its municipality ({@link CaseOfferChanged}).
 */
@Service
public class CaseLifecycle {

    /** Every open status: where the living situation may still change. */
    static final Set<CaseStatus> OPEN = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseStatus.class)));

    /** How long after the permit a closed case may be reopened (report 000 lines 3068–3080: apply within six months). */
    public static final int REOPEN_MONTHS = 6;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseCommands commands;
    private final ApplicationEventPublisher events;

    public CaseLifecycle(JdbcClient jdbc, Clock clock, CaseCommands commands, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.commands = commands;
        this.events = events;
    }

    /**
     * The household went away on {@code from} and is expected back on {@code expectedReturn}. From an offer, the
     * municipality is told and chooses to hold or release the places (held until it chooses).
     */
    @Transactional
    public CommandResult<CaseStatus> markAbsent(long caseId, Actor actor, LocalDate from, LocalDate expectedReturn, String reason) {
        Optional<CaseCommands.Row> row = guarded(caseId, CaseCommand.MARK_ABSENT, actor);
        Optional<CommandFailure> refused = refusal(caseId, CaseCommand.MARK_ABSENT, actor, row);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate permit = permitDate(caseId);
        if (from == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("from", "error.date.required"));
        }
        if (from.isAfter(today)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("from", "error.date.future"));
        }
        if (from.isBefore(permit)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("from", "error.absence.beforePermit",
                    permit.format(ConsequenceInformed.NORWEGIAN_DATE)));
        }
        if (expectedReturn == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("expectedReturn", "error.date.required"));
        }
        if (expectedReturn.isBefore(today)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("expectedReturn", "error.absence.returnPast"));
        }
        CaseStatus before = row.get().status();
        String municipality = before == CaseStatus.OFFERED ? row.get().settlementMunicipality() : null;
        String text = "Fraværende fra " + from.format(ConsequenceInformed.NORWEGIAN_DATE) + ", ventes tilbake "
                + expectedReturn.format(ConsequenceInformed.NORWEGIAN_DATE) + (blank(reason) ? "" : ". " + reason.trim());
        if (municipality != null) {
            events.publishEvent(new CaseOfferChanged(caseId, municipality, CaseCommand.MARK_ABSENT, actor, text));
        }
        jdbc.sql("""
                insert into case_absence (case_id, absent_from, expected_return, previous_status, municipality_number, created_at, created_by)
                values (:c, :from, :back, :prev, :m, :now, :by)
                """)
                .param("c", caseId).param("from", from).param("back", expectedReturn).param("prev", before.name())
                .param("m", municipality).param("now", OffsetDateTime.now(clock)).param("by", actor.username()).update();
        move(caseId, actor, CaseCommand.MARK_ABSENT, before, CaseStatus.TEMPORARILY_ABSENT, text, false);
        return CommandResult.ok(CaseStatus.TEMPORARILY_ABSENT);
    }

    /**
     * The accepting municipality holds or releases the household's places while it is away.
     * Releasing frees the places at once ({@link CaseOfferChanged#releasesPlaces()}); the household then returns to
     * allocation. Only while the absence came from an offer whose places are not released yet.
     */
    @Transactional
    public CommandResult<CaseAbsence.PlacesChoice> choosePlaces(long caseId, Actor actor, CaseAbsence.PlacesChoice placesChoice) {
        boolean release = placesChoice == CaseAbsence.PlacesChoice.RELEASE;
        CaseCommand command = release ? CaseCommand.RELEASE_PLACES : CaseCommand.HOLD_PLACES;
        Optional<CaseCommands.Row> row = guarded(caseId, command, actor);
        Optional<CommandFailure> refused = refusal(caseId, command, actor, row);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        if (placesChoice == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("choice", "error.places.choiceRequired"));
        }
        if (!validNow(jdbc, caseId, command)) {
            return CommandResult.fail(CommandFailure.WrongState.of(row.get().status().name(), "error.absence.noPlacesToChoose"));
        }
        CaseAbsence.PlacesChoice choice = release ? CaseAbsence.PlacesChoice.RELEASE : CaseAbsence.PlacesChoice.HOLD;
        String text = release ? "Kommunen frigir plassene mens husstanden er borte" : "Kommunen holder av plassene mens husstanden er borte";
        events.publishEvent(new CaseOfferChanged(caseId, row.get().settlementMunicipality(), command, actor, text));
        jdbc.sql("""
                update case_absence set places_choice = :choice, places_chosen_by = :by, places_chosen_at = :now
                where case_id = :c and ended_on is null
                """)
                .param("choice", choice.name()).param("by", actor.username()).param("now", OffsetDateTime.now(clock))
                .param("c", caseId).update();
        if (release) {
            jdbc.sql("update settlement_case set settlement_municipality = null where id = :c").param("c", caseId).update();
        }
        move(caseId, actor, command, CaseStatus.TEMPORARILY_ABSENT, CaseStatus.TEMPORARILY_ABSENT, text, false);
        return CommandResult.ok(choice);
    }

    /**
     * The household is back on {@code date}: the case returns to the state it had before the absence; an offer whose
     * places the municipality released returns to ready for allocation.
     */
    @Transactional
    public CommandResult<CaseStatus> returnFromAbsence(long caseId, Actor actor, LocalDate date) {
        Optional<CaseCommands.Row> row = guarded(caseId, CaseCommand.RETURN_FROM_ABSENCE, actor);
        Optional<CommandFailure> refused = refusal(caseId, CaseCommand.RETURN_FROM_ABSENCE, actor, row);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        CaseAbsence absence = current(caseId).orElseThrow();
        if (date == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("returnedOn", "error.date.required"));
        }
        if (date.isAfter(LocalDate.now(clock))) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("returnedOn", "error.date.future"));
        }
        if (date.isBefore(absence.absentFrom())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("returnedOn", "error.absence.returnBeforeAbsence",
                    absence.absentFrom().format(ConsequenceInformed.NORWEGIAN_DATE)));
        }
        CaseStatus to = returnState(absence);
        String text = "Tilbake " + date.format(ConsequenceInformed.NORWEGIAN_DATE);
        if (to == CaseStatus.OFFERED) {
            events.publishEvent(new CaseOfferChanged(caseId, row.get().settlementMunicipality(), CaseCommand.RETURN_FROM_ABSENCE,
                    actor, text));
        }
        jdbc.sql("update case_absence set ended_on = :d where id = :id").param("d", date).param("id", absence.id()).update();
        move(caseId, actor, CaseCommand.RETURN_FROM_ABSENCE, CaseStatus.TEMPORARILY_ABSENT, to, text, false);
        return CommandResult.ok(to);
    }

    /** The state a household returns to from this absence. */
    static CaseStatus returnState(CaseAbsence absence) {
        boolean released = absence.placesChoice() == CaseAbsence.PlacesChoice.RELEASE;
        return absence.hadOffer() && released ? CaseStatus.READY_FOR_ALLOCATION : absence.previousStatus();
    }

    /**
     * Reopens a closed case with a reason, within {@link #REOPEN_MONTHS} months of the permit: the case returns to
     * mapping with no municipality and no closing reason, and its time as ready for allocation starts again when the
     * mapping is done. Its places were released when it was closed; the settlement target stays counted from the permit.
     */
    @Transactional
    public CommandResult<CaseStatus> reopen(long caseId, Actor actor, String reason) {
        Optional<CaseCommands.Row> row = guarded(caseId, CaseCommand.REOPEN, actor);
        Optional<CommandFailure> refused = refusal(caseId, CaseCommand.REOPEN, actor, row);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        if (blank(reason)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reason.required"));
        }
        LocalDate lastDay = reopenDeadline(permitDate(caseId));
        if (LocalDate.now(clock).isAfter(lastDay)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reopen.tooLate",
                    lastDay.format(ConsequenceInformed.NORWEGIAN_DATE)));
        }
        move(caseId, actor, CaseCommand.REOPEN, CaseStatus.CLOSED, CaseStatus.UNDER_MAPPING, reason.trim(), true);
        return CommandResult.ok(CaseStatus.UNDER_MAPPING);
    }

    /** The last day a case closed with this permit date may be reopened. */
    public static LocalDate reopenDeadline(LocalDate permitDate) {
        return permitDate.plusMonths(REOPEN_MONTHS);
    }

    /** The household's absence that has not ended, if it is away. */
    @Transactional(readOnly = true)
    public Optional<CaseAbsence> current(long caseId) {
        return jdbc.sql("""
                select id, absent_from, expected_return, previous_status, municipality_number, places_choice, places_chosen_by, ended_on
                from case_absence where case_id = :c and ended_on is null
                """)
                .param("c", caseId)
                .query((rs, n) -> new CaseAbsence(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        CaseStatus.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6) == null ? null : CaseAbsence.PlacesChoice.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getObject(8, LocalDate.class)))
                .optional();
    }

    /**
     * Whether a command that applies to the state is also possible for this case now: the municipality's choice only
     * while an absence from an offer has places to hold or release (holding once, releasing until released).
     */
    static boolean validNow(JdbcClient jdbc, long caseId, CaseCommand command) {
        if (command != CaseCommand.HOLD_PLACES && command != CaseCommand.RELEASE_PLACES) {
            return true;
        }
        return jdbc.sql("""
                select count(*) from case_absence where case_id = :c and ended_on is null and previous_status = 'OFFERED'
                and (places_choice is null or (:release and places_choice = 'HOLD'))
                """)
                .param("c", caseId).param("release", command == CaseCommand.RELEASE_PLACES).query(Long.class).single() > 0;
    }

    private Optional<CaseCommands.Row> guarded(long caseId, CaseCommand command, Actor actor) {
        return commands.lock(caseId).filter(r -> CaseCommands.inScope(command, r, actor, r.settlementMunicipality()));
    }

    private static Optional<CommandFailure> refusal(long caseId, CaseCommand command, Actor actor, Optional<CaseCommands.Row> row) {
        return command.guard(actor, row.map(CaseCommands.Row::status), "error.case.notFound", caseId);
    }

    private LocalDate permitDate(long caseId) {
        return jdbc.sql("select permit_date from settlement_case where id = :c").param("c", caseId).query(LocalDate.class).single();
    }

    /** Moves the case and appends the history line; a reopening clears what the closing left. */
    private void move(long caseId, Actor actor, CaseCommand command, CaseStatus from, CaseStatus to, String reason, boolean reopened) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update settlement_case set status = :to, updated_at = :now, updated_by = :by, version = version + 1,
                    status_changed_at = case when :to <> status then :now else status_changed_at end,
                    ready_since = case when :reopened then null
                                       when :to = 'READY_FOR_ALLOCATION' and ready_since is null then :today else ready_since end,
                    settlement_municipality = case when :reopened or :to = 'READY_FOR_ALLOCATION' then null else settlement_municipality end,
                    closed_reason = case when :reopened then null else closed_reason end
                where id = :id
                """)
                .param("to", to.name()).param("now", now).param("by", actor.username()).param("reopened", reopened)
                .param("today", LocalDate.now(clock)).param("id", caseId).update();
        commands.appendHistory(caseId, actor, command.name(), from, to, reason);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
