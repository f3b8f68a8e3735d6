package no.bosetting.crisis;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.allocation.RoundSize;
import no.bosetting.cases.TemporarySchemes;
import no.bosetting.interview.CrisisQuestionSet;
import no.bosetting.interview.QuestionSet;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Crisis mode as configuration (issue 18 item 1): the agency's planner or administrator switches it on with a start
 * date, an optional end and a reason — no code change. Windows never overlap and a reason is required (issue 18 "Bad
 * input"). While a window is on it selects the shortened interview set ({@link QuestionSet#UKRAINE_SHORT_2022_04}, the
 * set of 4 April 2022), its temporary reception scheme is a living-situation kind with its window (MAMOT as the model:
 * report 000 lines 2514–2516, 2664–2666; people under it are easy to identify, report 000 lines 685–700), and the
 * distribution rounds take its round size.
 */
@Service
public class CrisisModes implements TemporarySchemes, CrisisQuestionSet, RoundSize {

    static final DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;
    private static final String SELECT = """
            select id, starts_on, ends_on, reason, question_set_version, scheme_name, scheme_from, scheme_to, scheme_monthly_grant,
                   round_size, created_at, created_by from crisis_period
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int defaultRoundSize;

    public CrisisModes(JdbcClient jdbc, Clock clock, @Value("${bosetting.crisis.round-size:5000}") int defaultRoundSize) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultRoundSize = defaultRoundSize;
    }

    /** Whether the actor may switch crisis mode on or end it: the agency's planner and administrator. */
    public static boolean mayConfigure(Actor actor) {
        return actor.is(Role.AGENCY_PLANNER) || actor.is(Role.AGENCY_ADMIN);
    }

    /** Switches crisis mode on for a window; refused without a reason, with an end before the start, or overlapping another. */
    @Transactional
    public CommandResult<Long> switchOn(Actor actor, CrisisSettings s) {
        if (!mayConfigure(actor)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        Optional<CommandFailure> problem = problem(s);
        if (problem.isPresent()) {
            return CommandResult.fail(problem.get());
        }
        // One writer at a time, so two overlapping windows cannot both pass the check.
        jdbc.sql("lock table crisis_period in share row exclusive mode").update();
        Optional<CrisisPeriod> clash = all().stream().filter(p -> p.overlaps(s.startsOn(), s.endsOn())).findFirst();
        if (clash.isPresent()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("startsOn", "crisis.error.overlap",
                    clash.get().startsOn().format(DATE), clash.get().endsOn() == null ? "–" : clash.get().endsOn().format(DATE)));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                insert into crisis_period (starts_on, ends_on, reason, question_set_version, scheme_name, scheme_from, scheme_to,
                    scheme_monthly_grant, round_size, created_at, created_by, updated_at, updated_by)
                values (:s, :e, :reason, :qs, :name, :from, :to, :grant, :round, :now, :by, :now, :by) returning id
                """)
                .param("s", s.startsOn()).param("e", s.endsOn()).param("reason", s.reason().trim())
                .param("qs", QuestionSet.UKRAINE_SHORT_2022_04.version())
                .param("name", blank(s.schemeName()) ? null : s.schemeName().trim()).param("from", s.schemeFrom())
                .param("to", s.schemeTo()).param("grant", s.schemeMonthlyGrant())
                .param("round", s.roundSize() == null ? defaultRoundSize : s.roundSize())
                .param("now", now).param("by", actor.username()).query(Long.class).single();
        return CommandResult.ok(id);
    }

    /** Ends a window on a day (switching crisis mode off): not before its start, and not into the next window. */
    @Transactional
    public CommandResult<Long> end(Actor actor, long id, LocalDate endsOn) {
        if (!mayConfigure(actor)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        jdbc.sql("lock table crisis_period in share row exclusive mode").update();
        Optional<CrisisPeriod> found = find(id);
        if (found.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("crisis.error.notFound", id));
        }
        if (endsOn == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("endsOn", "crisis.error.endRequired"));
        }
        if (endsOn.isBefore(found.get().startsOn())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("endsOn", "crisis.error.endBeforeStart"));
        }
        Optional<CrisisPeriod> clash = all().stream().filter(p -> p.id() != id && p.overlaps(found.get().startsOn(), endsOn)).findFirst();
        if (clash.isPresent()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("endsOn", "crisis.error.overlap",
                    clash.get().startsOn().format(DATE), clash.get().endsOn() == null ? "–" : clash.get().endsOn().format(DATE)));
        }
        jdbc.sql("update crisis_period set ends_on = :e, updated_at = :now, updated_by = :by where id = :id")
                .param("e", endsOn).param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("id", id).update();
        return CommandResult.ok(id);
    }

    private static Optional<CommandFailure> problem(CrisisSettings s) {
        if (s.startsOn() == null) {
            return Optional.of(CommandFailure.RuleBroken.of("startsOn", "crisis.error.startRequired"));
        }
        if (blank(s.reason())) {
            return Optional.of(CommandFailure.RuleBroken.of("reason", "crisis.error.reasonRequired"));
        }
        if (s.endsOn() != null && s.endsOn().isBefore(s.startsOn())) {
            return Optional.of(CommandFailure.RuleBroken.of("endsOn", "crisis.error.endBeforeStart"));
        }
        boolean anyScheme = !blank(s.schemeName()) || s.schemeFrom() != null || s.schemeTo() != null || s.schemeMonthlyGrant() != null;
        if (anyScheme) {
            if (blank(s.schemeName())) {
                return Optional.of(CommandFailure.RuleBroken.of("schemeName", "crisis.error.schemeName"));
            }
            if (s.schemeFrom() == null) {
                return Optional.of(CommandFailure.RuleBroken.of("schemeFrom", "crisis.error.schemeFrom"));
            }
            if (s.schemeTo() != null && s.schemeTo().isBefore(s.schemeFrom())) {
                return Optional.of(CommandFailure.RuleBroken.of("schemeTo", "crisis.error.endBeforeStart"));
            }
            if (s.schemeMonthlyGrant() == null || s.schemeMonthlyGrant() < 0) {
                return Optional.of(CommandFailure.RuleBroken.of("schemeMonthlyGrant", "crisis.error.schemeGrant"));
            }
        }
        if (s.roundSize() != null && s.roundSize() <= 0) {
            return Optional.of(CommandFailure.RuleBroken.of("roundSize", "crisis.error.roundSize"));
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public List<CrisisPeriod> all() {
        return jdbc.sql(SELECT + " order by starts_on desc, id desc").query((rs, n) -> map(rs)).list();
    }

    @Transactional(readOnly = true)
    public Optional<CrisisPeriod> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** The window on {@code day}, if crisis mode is on then. */
    @Transactional(readOnly = true)
    public Optional<CrisisPeriod> activeOn(LocalDate day) {
        return jdbc.sql(SELECT + " where starts_on <= :d and (ends_on is null or ends_on >= :d) order by starts_on desc limit 1")
                .param("d", day).query((rs, n) -> map(rs)).optional();
    }

    /** The window on today, if crisis mode is on now (pages ask this: {@code @crisisModes.active()}). */
    public Optional<CrisisPeriod> active() {
        return activeOn(LocalDate.now(clock));
    }

    public boolean on() {
        return active().isPresent();
    }

    @Override
    public boolean covers(LocalDate from, LocalDate end) {
        return all().stream().anyMatch(p -> p.schemeCovers(from, end));
    }

    @Override
    public Optional<QuestionSet> on(LocalDate day) {
        return activeOn(day).map(p -> QuestionSet.byVersion(p.questionSetVersion()));
    }

    @Override
    public OptionalInt roundSizeOn(LocalDate day) {
        return activeOn(day).map(p -> OptionalInt.of(p.roundSize())).orElse(OptionalInt.empty());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static CrisisPeriod map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CrisisPeriod(rs.getLong("id"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("reason"), rs.getString("question_set_version"), rs.getString("scheme_name"),
                rs.getObject("scheme_from", LocalDate.class), rs.getObject("scheme_to", LocalDate.class),
                (Integer) rs.getObject("scheme_monthly_grant"), rs.getInt("round_size"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }
}
