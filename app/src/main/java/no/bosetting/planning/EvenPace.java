package no.bosetting.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly or monthly targets from a municipality's decision, for the municipality's own page, the
 * agency's capacity pages and the allocation engine, which should not fill attractive municipalities
 * early in the year. Whether a year runs by quarter or by month is a planning setting per year.
 */
@Service("evenPace")
public class EvenPace {

    private final CapacityDecisions decisions;
    private final JdbcClient jdbc;
    private final Clock clock;

    public EvenPace(CapacityDecisions decisions, JdbcClient jdbc, Clock clock) {
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Persons the plan expects settled or accepted by the end of the current period. */
    public int targetToday(PacePlan plan) {
        return plan.cumulativeTargetAt(LocalDate.now(clock));
    }

    public PacePlan plan(String municipalityNumber, int year) {
        return PacePlan.of(municipalityNumber, year,
                decisions.find(municipalityNumber, year).map(CapacityDecision::yearShare).orElse(null), period(year));
    }

    /** The year's pace period; quarterly unless the planner chose monthly. */
    public PacePlan.Period period(int year) {
        return jdbc.sql("select period from pace_setting where year = :y").param("y", year).query(String.class).optional()
                .map(PacePlan.Period::valueOf).orElse(PacePlan.Period.QUARTER);
    }

    @Transactional
    public CommandResult<PacePlan.Period> setPeriod(Actor actor, int year, PacePlan.Period period) {
        if (!(actor.is(Role.AGENCY_PLANNER) || actor.is(Role.AGENCY_ADMIN))) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (period == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("pacePeriod", "error.planning.pacePeriod"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into pace_setting (year, period, created_at, created_by, updated_at, updated_by) values (:y, :p, :now, :by, :now, :by)
                on conflict (year) do update set period = excluded.period, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """)
                .param("y", year).param("p", period.name()).param("now", now).param("by", actor.username()).update();
        return CommandResult.ok(period);
    }
}
