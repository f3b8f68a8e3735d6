package no.bosetting.grants;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grant for persons with disabilities, granted by the agency's planner or administrator to a settled person (on the
 * municipality's application): a day within the person's five scheme years and a reason; once per person. It enters the
 * schedule at once ({@link ScheduleCalculator}: the scheme year of the day, the municipality the person lives in then).
 */
@Service
public class AdditionalGrants {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final GrantSchedules schedules;

    public AdditionalGrants(JdbcClient jdbc, Clock clock, GrantSchedules schedules) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.schedules = schedules;
    }

    public record Granted(LocalDate grantedOn, String reason, OffsetDateTime recordedAt, String recordedBy) {
    }

    public Optional<Granted> disability(long personId) {
        return jdbc.sql("select granted_on, reason, recorded_at, recorded_by from grant_additional where person_id = :p and kind = 'DISABILITY'")
                .param("p", personId).query((rs, n) -> new Granted(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getString(4))).optional();
    }

    @Transactional
    public CommandResult<Granted> grantDisability(Actor actor, long personId, LocalDate grantedOn, String reason) {
        if (!GrantRates.mayEdit(actor)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        Optional<Long> caseId = schedules.caseOf(personId);
        caseId.ifPresent(c -> schedules.refresh(c, "READ"));
        Optional<GrantSchedules.Snapshot> current = schedules.current(personId);
        if (current.isEmpty() || current.get().settledOn() == null) {
            return fail("grantedOn", "grants.error.notSettled");
        }
        LocalDate settled = current.get().settledOn();
        if (grantedOn == null) {
            return fail("grantedOn", "grants.error.grantedOn");
        }
        if (grantedOn.isBefore(settled) || grantedOn.getYear() >= settled.getYear() + ScheduleCalculator.SCHEME_YEARS
                || grantedOn.isAfter(LocalDate.now(clock))) {
            return fail("grantedOn", "grants.error.grantedOnRange", settled.getYear(), settled.getYear() + ScheduleCalculator.SCHEME_YEARS - 1);
        }
        if (reason == null || reason.isBlank()) {
            return fail("reason", "grants.error.grantReason");
        }
        if (disability(personId).isPresent()) {
            return fail("grantedOn", "grants.error.alreadyGranted");
        }
        jdbc.sql("""
                insert into grant_additional (person_id, case_id, kind, granted_on, reason, recorded_at, recorded_by)
                values (:p, :c, 'DISABILITY', :on, :reason, :now, :by)
                """).param("p", personId).param("c", current.get().caseId()).param("on", grantedOn).param("reason", reason.trim())
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).update();
        schedules.refresh(current.get().caseId(), "DISABILITY");
        return CommandResult.ok(disability(personId).orElseThrow());
    }

    private static <T> CommandResult<T> fail(String field, String key, Object... args) {
        return CommandResult.fail(CommandFailure.RuleBroken.of(field, key, args));
    }
}
