package no.bosetting.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.access.ProtectionDesignation;
import no.bosetting.access.Role;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one rule for protected addresses (issue 18 item 4): a household with a member marked <i>fortrolig</i> or
 * <i>strengt fortrolig</i> has its members' addresses and its current municipality (where it lives: municipality and
 * reception centre) hidden from everyone but agency users designated for protection work
 * ({@link ProtectionDesignation}); the refugee sees their own. Pages, the API, letters, exports, maps and statistics ask
 * here; every read of the protected data by a designated user is in the access log. The household is handled by
 * designated caseworkers only: others see that the case exists, never the protected data, and cannot act on it
 * ({@link #mayAct}); the municipality settling the household keeps its own steps (answering, registering the
 * settlement) without the address, and allocation rounds still propose the household (the engine needs no address).
 */
@Service
public class ProtectedAddress {

    /** Shown (as a message key) where a protected address or municipality would be. */
    public static final String HIDDEN_KEY = "protected.hidden";

    private final JdbcClient jdbc;
    private final ProtectionDesignation designation;
    private final PersonAccessLog accessLog;
    private final Clock clock;

    ProtectedAddress(JdbcClient jdbc, ProtectionDesignation designation, PersonAccessLog accessLog, Clock clock) {
        this.jdbc = jdbc;
        this.designation = designation;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** The strictest protection of the household's current members, if any. */
    @Transactional(readOnly = true)
    public Optional<AddressProtection> level(long caseId) {
        // Asked by every panel of the case page: read once per page (shared.RequestMemo).
        return no.bosetting.shared.RequestMemo.onceOptional("protection:" + caseId, () -> readLevel(caseId));
    }

    private Optional<AddressProtection> readLevel(long caseId) {
        List<String> levels = jdbc.sql("select address_protection from person where case_id = :c and removed_on is null and address_protection is not null")
                .param("c", caseId).query(String.class).list();
        if (levels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(levels.contains(AddressProtection.STRENGT_FORTROLIG.name()) ? AddressProtection.STRENGT_FORTROLIG
                : AddressProtection.FORTROLIG);
    }

    public boolean isProtected(long caseId) {
        return level(caseId).isPresent();
    }

    /** Of these households, the protected ones. */
    @Transactional(readOnly = true)
    public Set<Long> protectedCases(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select distinct case_id from person where case_id in (:c) and removed_on is null and address_protection is not null")
                .param("c", caseIds).query(Long.class).list());
    }

    /** Every protected household (for exports, maps and statistics that must leave their address and municipality out). */
    @Transactional(readOnly = true)
    public Set<Long> allProtectedCases() {
        return new HashSet<>(jdbc.sql("select distinct case_id from person where removed_on is null and address_protection is not null")
                .query(Long.class).list());
    }

    /** Whether the actor may see protected addresses at all: a designated agency user, or the refugee (their own case). */
    public boolean maySee(Actor actor) {
        return actor.role() == Role.REFUGEE || designation.isDesignated(actor);
    }

    /** Whether this household's address and current municipality must be hidden from the actor. */
    public boolean hides(Actor actor, long caseId) {
        return isProtected(caseId) && !maySee(actor);
    }

    /**
     * Whether the actor may act on the household: always when it is not protected; otherwise a designated user, the
     * system, the refugee, and the municipality settling it (its own steps, without the address).
     */
    public boolean mayAct(Actor actor, long caseId) {
        if (!isProtected(caseId)) {
            return true;
        }
        return "system".equals(actor.username()) || actor.role() == Role.MUNICIPALITY_OFFICER || maySee(actor);
    }

    /** The refusal for someone who may not act on a protected household. */
    public static CommandFailure notDesignated() {
        return CommandFailure.NotAllowed.of("error.protected.designatedOnly");
    }

    /**
     * The summary as the actor may see it: a protected household's current municipality and reception centre name
     * removed for anyone not designated; for a designated user the read is logged.
     */
    public CaseSummary forActor(CaseSummary s, Actor actor, String purpose) {
        if (!isProtected(s.id())) {
            return s;
        }
        if (maySee(actor)) {
            logRead(actor, s.id(), purpose);
            return s;
        }
        return mask(s);
    }

    /** {@link #forActor(CaseSummary, Actor, String)} for a page of summaries, asking the database once. */
    public List<CaseSummary> forActor(List<CaseSummary> summaries, Actor actor, String purpose) {
        Set<Long> prot = protectedCases(summaries.stream().map(CaseSummary::id).toList());
        if (prot.isEmpty()) {
            return summaries;
        }
        boolean sees = maySee(actor);
        return summaries.stream().map(s -> {
            if (!prot.contains(s.id())) {
                return s;
            }
            if (sees) {
                logRead(actor, s.id(), purpose);
                return s;
            }
            return mask(s);
        }).toList();
    }

    /** The summary as a letter, export or other printed output may show it: never a protected household's whereabouts. */
    public CaseSummary forPrinting(CaseSummary s) {
        return isProtected(s.id()) ? mask(s) : s;
    }

    /** Masks without asking (the caller knows the household is protected and the actor may not see it). */
    static CaseSummary mask(CaseSummary s) {
        return new CaseSummary(s.id(), s.reference(), s.status(), s.householdType(), s.persons(), s.children(),
                s.unaccompaniedMinor(), s.livingSituation(), s.permitType(), s.permitDate(), s.daysWaited(), s.longWaiting(),
                s.receptionCentreId(), null, null, s.settlementMunicipality(), s.endedOn());
    }

    /** Logs a designated user's read of the household's protected data. */
    public void logRead(Actor actor, long caseId, String purpose) {
        accessLog.recordRead(actor, jdbc.sql("select id from person where case_id = :c").param("c", caseId).query(Long.class).list(),
                "adressesperre: " + purpose);
    }

    /**
     * Marks (or, with {@code level} null, lifts) a member's protected address; a designated user only, with a reason.
     * The case history says that the marking changed, never the address.
     */
    @Transactional
    public CommandResult<Void> mark(Actor actor, long caseId, long personId, AddressProtection level, String reason) {
        if (!designation.isDesignated(actor)) {
            return CommandResult.fail(notDesignated());
        }
        if (reason == null || reason.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reason.required"));
        }
        int n = jdbc.sql("update person set address_protection = :l where id = :p and case_id = :c and removed_on is null")
                .param("l", level == null ? null : level.name()).param("p", personId).param("c", caseId).update();
        if (n != 1) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into address_protection_change (person_id, level, reason, changed_at, changed_by)
                values (:p, :l, :r, :now, :by)
                """).param("p", personId).param("l", level == null ? null : level.name()).param("r", reason.trim())
                .param("now", now).param("by", actor.username()).update();
        CaseStatus status = jdbc.sql("select status from settlement_case where id = :id").param("id", caseId)
                .query((rs, i) -> CaseStatus.valueOf(rs.getString(1))).single();
        CaseCommands.CASE_HISTORY.append(jdbc, clock, caseId, actor, "MARK_ADDRESS_PROTECTION", status, status,
                level == null ? "Adressesperre opphevet" : "Adressesperre registrert");
        return CommandResult.ok(null);
    }
}
