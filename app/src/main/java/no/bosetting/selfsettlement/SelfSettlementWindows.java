package no.bosetting.selfsettlement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.PermitType;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The opt-in window after the permit: within {@code opt-in-days} of the permit date the refugee may
 * opt in to look for a dwelling themselves, and then has {@code lease-days} to find a lease. While
 * the window is open the allocation engine leaves the household out. Withdrawing, an approval, or
 * the last day passing ends it.
 */
@Service
public class SelfSettlementWindows {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final CaseCommands caseCommands;
    private final int optInDays;
    private final int leaseDays;

    public SelfSettlementWindows(JdbcClient jdbc, Clock clock, CaseQueries cases, CaseCommands caseCommands,
                                 @Value("${bosetting.self-settlement.opt-in-days:10}") int optInDays,
                                 @Value("${bosetting.self-settlement.lease-days:28}") int leaseDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.caseCommands = caseCommands;
        this.optInDays = optInDays;
        this.leaseDays = leaseDays;
    }

    public int optInDays() {
        return optInDays;
    }

    public int leaseDays() {
        return leaseDays;
    }

    /** The last day a household with this permit date may opt in. */
    public LocalDate lastOptInDay(LocalDate permitDate) {
        return permitDate.plusDays(optInDays);
    }

    /** Of these households, those whose window is open today: the allocation engine leaves them out. */
    @Transactional(readOnly = true)
    public Set<Long> openWindowCaseIds(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select case_id from self_settlement_window
                where closed_at is null and lease_deadline >= :today and case_id in (:ids)
                """)
                .param("today", LocalDate.now(clock)).param("ids", caseIds).query(Long.class).list());
    }

    /** The household's latest window, open or not. */
    @Transactional(readOnly = true)
    public Optional<OptInWindow> latest(long caseId) {
        return jdbc.sql("""
                select id, case_id, opened_on, lease_deadline, closed_at, closed_reason from self_settlement_window
                where case_id = :c order by id desc limit 1
                """)
                .param("c", caseId)
                .query((rs, n) -> new OptInWindow(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
                .optional();
    }

    /** The refugee opts in for their own household. */
    @Transactional
    public CommandResult<OptInWindow> optIn(Actor actor) {
        if (actor.role() != Role.REFUGEE) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        Optional<CaseSummary> own = cases.search(CaseFilter.none(), actor, 0, 1).items().stream().findFirst();
        if (own.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", "-"));
        }
        CaseSummary c = own.get();
        LocalDate today = LocalDate.now(clock);
        // The status as it is once the household is locked: a distribution list sent a moment ago has moved it on.
        CaseStatus status = caseCommands.lockStatuses(List.of(c.id())).get(c.id());
        if (c.unaccompaniedMinor()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("", "selfsettlement.error.minor"));
        }
        if (c.permitType() == PermitType.RESETTLEMENT) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("", "selfsettlement.error.resettlement"));
        }
        if (status != CaseStatus.UNDER_MAPPING && status != CaseStatus.READY_FOR_ALLOCATION) {
            return CommandResult.fail(CommandFailure.WrongState.of(status.name(), "selfsettlement.error.window.state"));
        }
        if (c.permitDate().isAfter(today)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("", "selfsettlement.error.noPermit"));
        }
        if (today.isAfter(lastOptInDay(c.permitDate()))) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("", "selfsettlement.error.window.late", lastOptInDay(c.permitDate())));
        }
        if (latest(c.id()).isPresent()) {
            return CommandResult.fail(CommandFailure.WrongState.of("OPTED_IN", "selfsettlement.error.window.once"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into self_settlement_window (case_id, opened_on, lease_deadline, created_at, created_by)
                values (:c, :today, :deadline, :now, :by)
                """)
                .param("c", c.id()).param("today", today).param("deadline", today.plusDays(leaseDays)).param("now", now)
                .param("by", actor.username()).update();
        caseCommands.note(c.id(), actor, "SELF_SETTLEMENT_OPT_IN",
                "Valgt å finne bolig selv (avtalt selvbosetting); IMDi foreslår ikke husstanden for andre kommuner til og med "
                        + today.plusDays(leaseDays));
        return CommandResult.ok(latest(c.id()).orElseThrow());
    }

    /** The refugee ends their own window; the household goes back to ordinary allocation. */
    @Transactional
    public CommandResult<OptInWindow> withdraw(Actor actor) {
        if (actor.role() != Role.REFUGEE) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        Optional<CaseSummary> own = cases.search(CaseFilter.none(), actor, 0, 1).items().stream().findFirst();
        if (own.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", "-"));
        }
        Optional<OptInWindow> w = latest(own.get().id());
        if (w.isEmpty() || !w.get().openOn(LocalDate.now(clock))) {
            return CommandResult.fail(CommandFailure.WrongState.of("CLOSED", "selfsettlement.error.window.notOpen"));
        }
        closeFor(own.get().id(), actor, "WITHDRAWN");
        return CommandResult.ok(latest(own.get().id()).orElseThrow());
    }

    /** Closes an open window (withdrawn by the refugee, or the request approved). */
    @Transactional
    public void closeFor(long caseId, Actor actor, String reason) {
        int closed = jdbc.sql("""
                update self_settlement_window set closed_at = :now, closed_by = :by, closed_reason = :r
                where case_id = :c and closed_at is null
                """)
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("r", reason).param("c", caseId).update();
        if (closed > 0) {
            caseCommands.note(caseId, actor, "SELF_SETTLEMENT_WINDOW_CLOSED", "Vinduet for å finne bolig selv er avsluttet: " + reason);
        }
    }

    /**
     * Closes every window whose last day has passed, and says so in each household's case history, so the
     * caseworker can see why the household is back in ordinary allocation. The update claims each row, so a
     * second instance running at the same moment closes and notes nothing twice. Returns the households.
     */
    @Transactional
    public List<Long> closeExpired() {
        record Expired(long caseId, LocalDate lastDay) {
        }
        List<Expired> closed = jdbc.sql("""
                update self_settlement_window set closed_at = :now, closed_by = 'system', closed_reason = 'EXPIRED'
                where closed_at is null and lease_deadline < :today
                returning case_id, lease_deadline
                """)
                .param("now", OffsetDateTime.now(clock)).param("today", LocalDate.now(clock))
                .query((rs, n) -> new Expired(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
        for (Expired e : closed) {
            caseCommands.note(e.caseId(), Actor.system(), "SELF_SETTLEMENT_WINDOW_CLOSED",
                    "Vinduet for å finne bolig selv gikk ut " + e.lastDay()
                            + " uten godkjent bolig; husstanden er tilbake i ordinær fordeling.");
        }
        return closed.stream().map(Expired::caseId).toList();
    }
}
