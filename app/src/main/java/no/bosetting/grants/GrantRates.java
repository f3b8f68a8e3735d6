package no.bosetting.grants;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grant rates as data, kept by the agency's planner or administrator: each with its source (state budget,
 * circular) and valid period; a correction is a new version with who, when and why, and the old version is kept.
 * Periods of the same kind, category and scheme year may not overlap, and a rate without a source is refused —
 * at the field, with nothing saved (issue 17, "Bad input").
 */
@Service
public class GrantRates {

    private static final String COLUMNS = """
            id, series_id, version, kind, category, scheme_year, amount, valid_from, valid_to, source, demo, recorded_at, recorded_by,
            reason, replaced_at""";

    private static final java.time.format.DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;

    private final JdbcClient jdbc;
    private final Clock clock;

    public GrantRates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What to save: for the integration grant a category and scheme year, for the others neither. */
    public record RateForm(GrantKind kind, GrantCategory category, Integer schemeYear, BigDecimal amount, LocalDate validFrom,
                           LocalDate validTo, String source, boolean demo, String reason) {
    }

    public static boolean mayEdit(Actor actor) {
        return actor.is(Role.AGENCY_PLANNER) || actor.is(Role.AGENCY_ADMIN);
    }

    /** The rates in force or planned (current versions), by kind, category, scheme year and period. */
    public List<GrantRate> current() {
        return jdbc.sql("select " + COLUMNS + " from grant_rate where replaced_at is null order by kind, category nulls first, scheme_year nulls first, valid_from")
                .query((rs, n) -> map(rs)).list();
    }

    /** Every version of a series, newest first. */
    public List<GrantRate> versions(long seriesId) {
        return jdbc.sql("select " + COLUMNS + " from grant_rate where series_id = :s order by version desc").param("s", seriesId)
                .query((rs, n) -> map(rs)).list();
    }

    /** Every version of the rates that were corrected, by series and newest version first (the correction history). */
    public List<GrantRate> replaced(int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from grant_rate where series_id in (select series_id from grant_rate where replaced_at is not null)
                order by series_id desc, version desc limit :l""")
                .param("l", limit).query((rs, n) -> map(rs)).list();
    }

    public Optional<GrantRate> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from grant_rate where id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** The rate book the schedule reads: current versions only. */
    public RateBook book() {
        List<GrantRate> all = current();
        return (kind, category, schemeYear, day) -> all.stream()
                .filter(r -> r.sameLine(kind, kind.perSchemeYear() ? category : null, kind.perSchemeYear() ? schemeYear : null) && r.covers(day))
                .findFirst();
    }

    /** A new rate. */
    @Transactional
    public CommandResult<GrantRate> add(Actor actor, RateForm form) {
        return save(actor, form, null);
    }

    /** A correction of a rate: a new version of its series with the reason; the version before is kept, marked replaced. */
    @Transactional
    public CommandResult<GrantRate> correct(Actor actor, long rateId, RateForm form) {
        Optional<GrantRate> old = find(rateId).filter(GrantRate::current);
        if (old.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("grants.rate.notFound", rateId));
        }
        return save(actor, form, old.get());
    }

    private CommandResult<GrantRate> save(Actor actor, RateForm form, GrantRate old) {
        if (!mayEdit(actor)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        Optional<CommandFailure> problem = problem(form, old);
        if (problem.isPresent()) {
            return CommandResult.fail(problem.get());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        GrantCategory category = form.kind().perSchemeYear() ? form.category() : null;
        Integer schemeYear = form.kind().perSchemeYear() ? form.schemeYear() : null;
        if (old != null) {
            jdbc.sql("update grant_rate set replaced_at = :now where id = :id").param("now", now).param("id", old.id()).update();
        }
        long id = jdbc.sql("select nextval('grant_rate_id_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into grant_rate (id, series_id, version, kind, category, scheme_year, amount, valid_from, valid_to, source, demo,
                    recorded_at, recorded_by, reason)
                values (:id, coalesce(:series, :id), :version, :kind, :category, :year, :amount, :from, :to, :source, :demo,
                    :now, :by, :reason)
                """)
                .param("id", id).param("series", old == null ? null : old.seriesId(), java.sql.Types.BIGINT).param("version", old == null ? 1 : old.version() + 1)
                .param("kind", form.kind().name()).param("category", category == null ? null : category.name(), java.sql.Types.VARCHAR)
                .param("year", schemeYear, java.sql.Types.INTEGER).param("amount", form.amount()).param("from", form.validFrom())
                .param("to", form.validTo(), java.sql.Types.DATE).param("source", form.source().trim()).param("demo", form.demo())
                .param("now", now).param("by", actor.username())
                .param("reason", form.reason() == null || form.reason().isBlank() ? null : form.reason().trim(), java.sql.Types.VARCHAR)
                .update();
        return CommandResult.ok(find(id).orElseThrow());
    }

    /** The first problem with the form, at its field; an overlap is checked against the other current rates of the line. */
    Optional<CommandFailure> problem(RateForm form, GrantRate old) {
        if (form.kind() == null) {
            return rule("kind", "grants.error.kind");
        }
        if (form.kind().perSchemeYear() && form.category() == null) {
            return rule("category", "grants.error.category");
        }
        if (form.kind().perSchemeYear() && (form.schemeYear() == null || form.schemeYear() < 1 || form.schemeYear() > 5)) {
            return rule("schemeYear", "grants.error.schemeYear");
        }
        if (form.amount() == null || form.amount().signum() < 0 || form.amount().compareTo(new BigDecimal("10000000")) > 0) {
            return rule("amount", "grants.error.amount");
        }
        if (form.validFrom() == null) {
            return rule("validFrom", "grants.error.validFrom");
        }
        if (form.validTo() != null && form.validTo().isBefore(form.validFrom())) {
            return rule("validTo", "grants.error.validTo");
        }
        if (form.source() == null || form.source().isBlank()) {
            return rule("source", "grants.error.source");
        }
        if (old != null && (form.reason() == null || form.reason().isBlank())) {
            return rule("reason", "grants.error.reason");
        }
        GrantCategory category = form.kind().perSchemeYear() ? form.category() : null;
        Integer year = form.kind().perSchemeYear() ? form.schemeYear() : null;
        for (GrantRate r : current()) {
            if ((old == null || r.seriesId() != old.seriesId()) && r.sameLine(form.kind(), category, year) && overlaps(r, form)) {
                return rule("validFrom", "grants.error.overlap", DATE.format(r.validFrom()), r.validTo() == null ? "" : DATE.format(r.validTo()));
            }
        }
        return Optional.empty();
    }

    private static boolean overlaps(GrantRate r, RateForm f) {
        LocalDate far = LocalDate.of(9999, 12, 31);
        LocalDate aTo = r.validTo() == null ? far : r.validTo();
        LocalDate bTo = f.validTo() == null ? far : f.validTo();
        return !r.validFrom().isAfter(bTo) && !f.validFrom().isAfter(aTo);
    }

    private static Optional<CommandFailure> rule(String field, String key, Object... args) {
        return Optional.of(CommandFailure.RuleBroken.of(field, key, args));
    }

    private static GrantRate map(ResultSet rs) throws SQLException {
        String category = rs.getString("category");
        return new GrantRate(rs.getLong("id"), rs.getLong("series_id"), rs.getInt("version"), GrantKind.valueOf(rs.getString("kind")),
                category == null ? null : GrantCategory.valueOf(category), (Integer) rs.getObject("scheme_year"), rs.getBigDecimal("amount"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), rs.getString("source"),
                rs.getBoolean("demo"), rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("recorded_by"), rs.getString("reason"),
                rs.getObject("replaced_at", OffsetDateTime.class));
    }
}
