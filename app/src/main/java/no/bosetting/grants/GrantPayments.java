package no.bosetting.grants;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.NumberFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment runs of the grants (report 000 lines 3669–3673: paid automatically from the registered settlement date). A
 * regular run first recomputes every schedule, then pays each person's due items (settled, calendar year up to the
 * run's year, AMOT/MAMOT months begun) that were never paid, and locks them: a second run pays only what was not paid,
 * and a run that would pay an item twice is refused (issue 17, "Bad input"; also a unique index). A correction run pays
 * or claws back, per person, item and municipality, the difference between what was paid and what the schedule says
 * now — after a date correction, a move or a household change — with a line saying what changed.
 */
@Service
public class GrantPayments {

    private static final DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final GrantSchedules schedules;

    public GrantPayments(JdbcClient jdbc, Clock clock, GrantSchedules schedules) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.schedules = schedules;
    }

    /** A current, due line of a person's schedule. */
    record Due(long personId, long caseId, ScheduleLine line) {
    }

    @Transactional
    public CommandResult<PaymentRun> run(Actor actor, PaymentRun.Kind kind, Integer upToYear) {
        if (!GrantRates.mayEdit(actor)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (kind == null) {
            return fail("kind", "grants.error.runKind");
        }
        LocalDate today = LocalDate.now(clock);
        if (upToYear == null || upToYear < 2000 || upToYear > today.getYear()) {
            return fail("year", "grants.error.runYear", today.getYear());
        }
        jdbc.sql("select pg_advisory_xact_lock(48048)").query(Object.class).single();
        schedules.refreshAll("PAYMENT_RUN");
        List<PendingLine> lines = kind == PaymentRun.Kind.REGULAR ? regular(upToYear, today) : corrections();
        if (lines.isEmpty()) {
            return fail("year", kind == PaymentRun.Kind.REGULAR ? "grants.error.nothingToPay" : "grants.error.nothingToCorrect");
        }
        return write(actor, kind, upToYear, lines);
    }

    /** A line about to be locked. */
    public record PendingLine(long personId, long caseId, ScheduleLine line, BigDecimal amount, BigDecimal previous, String explanation,
                       boolean first) {
    }

    /** Writes a run; refused when any first payment in it was paid before (the same person's item twice). */
    CommandResult<PaymentRun> write(Actor actor, PaymentRun.Kind kind, int upToYear, List<PendingLine> lines) {
        Set<String> paid = paidItems();
        Set<String> inRun = new HashSet<>();
        for (PendingLine p : lines) {
            String key = p.personId() + "#" + p.line().itemKey();
            if (p.first() && (paid.contains(key) || !inRun.add(key))) {
                return fail("year", "grants.error.paidTwice", p.personId(), p.line().itemKey());
            }
        }
        BigDecimal total = lines.stream().map(PendingLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long runId = jdbc.sql("""
                insert into grant_payment_run (kind, up_to_year, created_at, created_by, line_count, total)
                values (:kind, :y, :now, :by, :n, :total) returning id
                """).param("kind", kind.name()).param("y", upToYear).param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .param("n", lines.size()).param("total", total).query(Long.class).single();
        for (PendingLine p : lines) {
            ScheduleLine l = p.line();
            jdbc.sql("""
                    insert into grant_payment_line (run_id, person_id, case_id, item_key, kind, scheme_year, period_month, calendar_year,
                        municipality_number, amount, previous_amount, rate_id, explanation, first_payment)
                    values (:run, :p, :c, :key, :kind, :n, :month, :year, :m, :amount, :prev, :rate, :why, :first)
                    """)
                    .param("run", runId).param("p", p.personId()).param("c", p.caseId()).param("key", l.itemKey()).param("kind", l.kind().name())
                    .param("n", l.schemeYear(), java.sql.Types.INTEGER).param("month", l.periodMonth(), java.sql.Types.DATE)
                    .param("year", l.calendarYear()).param("m", l.municipalityNumber()).param("amount", p.amount())
                    .param("prev", p.previous(), java.sql.Types.NUMERIC).param("rate", l.rateId(), java.sql.Types.BIGINT)
                    .param("why", p.explanation(), java.sql.Types.VARCHAR).param("first", p.first()).update();
        }
        return CommandResult.ok(find(runId).orElseThrow());
    }

    private List<PendingLine> regular(int upToYear, LocalDate today) {
        Set<String> paid = paidItems();
        List<PendingLine> lines = new ArrayList<>();
        for (Due d : due()) {
            ScheduleLine l = d.line();
            boolean inTime = l.periodMonth() != null ? !l.periodMonth().isAfter(today) : l.calendarYear() <= upToYear;
            if (inTime && !l.expected() && l.amount() != null && !paid.contains(d.personId() + "#" + l.itemKey())) {
                lines.add(new PendingLine(d.personId(), d.caseId(), l, l.amount(), null, null, true));
            }
        }
        return lines;
    }

    /** Per person and item already paid: what the schedule says now against what was paid, per municipality. */
    private List<PendingLine> corrections() {
        Map<String, ScheduleLine> now = new HashMap<>();
        Map<String, Long> caseOf = new HashMap<>();
        for (Due d : due()) {
            if (!d.line().expected()) {
                now.put(d.personId() + "#" + d.line().itemKey(), d.line());
                caseOf.put(d.personId() + "#" + d.line().itemKey(), d.caseId());
            }
        }
        record Paid(long personId, long caseId, String key, String municipality, BigDecimal amount, int lastYear, GrantKind kind,
                    Integer schemeYear, LocalDate month) {
        }
        List<Paid> paid = jdbc.sql("""
                select person_id, min(case_id), item_key, municipality_number, sum(amount), max(calendar_year), min(kind), min(scheme_year),
                       min(period_month)
                from grant_payment_line group by person_id, item_key, municipality_number order by person_id, item_key, municipality_number
                """).query((rs, n) -> new Paid(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getInt(6),
                        GrantKind.valueOf(rs.getString(7)), (Integer) rs.getObject(8), rs.getObject(9, LocalDate.class))).list();
        Map<String, List<Paid>> byItem = new LinkedHashMap<>();
        paid.forEach(p -> byItem.computeIfAbsent(p.personId() + "#" + p.key(), k -> new ArrayList<>()).add(p));
        List<PendingLine> lines = new ArrayList<>();
        for (Map.Entry<String, List<Paid>> e : byItem.entrySet()) {
            ScheduleLine target = now.get(e.getKey());
            Paid any = e.getValue().get(0);
            Map<String, BigDecimal> paidBy = new LinkedHashMap<>();
            e.getValue().forEach(p -> paidBy.merge(p.municipality(), p.amount(), BigDecimal::add));
            if (target != null && target.amount() != null) {
                paidBy.putIfAbsent(target.municipalityNumber(), BigDecimal.ZERO);
            }
            for (Map.Entry<String, BigDecimal> m : paidBy.entrySet()) {
                BigDecimal should = target != null && target.amount() != null && target.municipalityNumber().equals(m.getKey())
                        ? target.amount() : BigDecimal.ZERO;
                BigDecimal diff = should.subtract(m.getValue());
                if (diff.signum() == 0) {
                    continue;
                }
                ScheduleLine shape = target != null && target.municipalityNumber().equals(m.getKey()) ? target
                        : new ScheduleLine(any.kind(), any.schemeYear(), any.month(), any.lastYear(), m.getKey(), BigDecimal.ZERO, null, false);
                lines.add(new PendingLine(any.personId(), caseOf.getOrDefault(e.getKey(), any.caseId()), shape, diff, m.getValue(),
                        explanation(any.personId(), m.getValue(), should, any.lastYear(), target), false));
            }
        }
        return lines;
    }

    private String explanation(long personId, BigDecimal paid, BigDecimal should, int paidYear, ScheduleLine target) {
        Optional<GrantSchedules.Snapshot> s = schedules.current(personId);
        String why = s.map(x -> x.settledOn() == null ? "ikke lenger bosatt i husstanden"
                : "ny beregning " + DATE.format(x.computedAt().atZoneSameInstant(clock.getZone()).toLocalDate()) + ", bosettingsdato "
                        + DATE.format(x.settledOn())).orElse("ingen gjeldende plan");
        return "Utbetalt " + NumberFormat.whole(paid, NumberFormat.NORWEGIAN) + " kr (" + paidYear + "), skal være "
                + NumberFormat.whole(should, NumberFormat.NORWEGIAN) + " kr" + (target != null ? " (" + target.calendarYear() + ")" : "")
                + ": " + why;
    }

    private List<Due> due() {
        return jdbc.sql("""
                select s.person_id, s.case_id, l.kind, l.scheme_year, l.period_month, l.calendar_year, l.municipality_number, l.amount,
                       l.rate_id, l.expected
                from grant_schedule s join grant_schedule_line l on l.schedule_id = s.id
                where s.current order by s.person_id, l.calendar_year, l.period_month nulls last, l.kind
                """).query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), new ScheduleLine(GrantKind.valueOf(rs.getString(3)),
                        (Integer) rs.getObject(4), rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getString(7), rs.getBigDecimal(8),
                        (Long) rs.getObject(9), rs.getBoolean(10)))).list();
    }

    private Set<String> paidItems() {
        return new HashSet<>(jdbc.sql("select person_id || '#' || item_key from grant_payment_line where first_payment")
                .query(String.class).list());
    }

    public Optional<PaymentRun> find(long id) {
        return jdbc.sql("select " + RUN + " from grant_payment_run where id = :id").param("id", id).query((rs, n) -> run(rs)).optional();
    }

    public long countRuns() {
        return jdbc.sql("select count(*) from grant_payment_run").query(Long.class).single();
    }

    public List<PaymentRun> runs(long offset, int limit) {
        return jdbc.sql("select " + RUN + " from grant_payment_run order by id desc offset :o limit :l").param("o", offset).param("l", limit)
                .query((rs, n) -> run(rs)).list();
    }

    public long countLines(long runId) {
        return jdbc.sql("select count(*) from grant_payment_line where run_id = :r").param("r", runId).query(Long.class).single();
    }

    /** The run's locked lines, by municipality and person; {@code limit} 0 = all (exports). */
    public List<PaymentRun.Line> lines(long runId, long offset, int limit) {
        return jdbc.sql("""
                select id, run_id, person_id, case_id, kind, scheme_year, period_month, calendar_year, municipality_number, amount,
                       previous_amount, rate_id, explanation
                from grant_payment_line where run_id = :r order by municipality_number, person_id, calendar_year, period_month nulls last, kind
                offset :o limit :l
                """).param("r", runId).param("o", offset).param("l", limit <= 0 ? Integer.MAX_VALUE : limit)
                .query((rs, n) -> new PaymentRun.Line(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), GrantKind.valueOf(rs.getString(5)),
                        (Integer) rs.getObject(6), rs.getObject(7, LocalDate.class), rs.getInt(8), rs.getString(9), rs.getBigDecimal(10),
                        rs.getBigDecimal(11), (Long) rs.getObject(12), rs.getString(13))).list();
    }

    /** What was paid for a person, item by item (the person page). */
    public Map<String, BigDecimal> paidFor(long personId) {
        Map<String, BigDecimal> paid = new LinkedHashMap<>();
        jdbc.sql("select item_key, sum(amount) from grant_payment_line where person_id = :p group by item_key").param("p", personId)
                .query((rs, n) -> paid.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return paid;
    }

    private static final String RUN = "id, kind, up_to_year, created_at, created_by, line_count, total";

    private static PaymentRun run(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PaymentRun(rs.getLong(1), PaymentRun.Kind.valueOf(rs.getString(2)), rs.getInt(3), rs.getObject(4, OffsetDateTime.class),
                rs.getString(5), rs.getInt(6), rs.getBigDecimal(7));
    }

    private static <T> CommandResult<T> fail(String field, String key, Object... args) {
        return CommandResult.fail(CommandFailure.RuleBroken.of(field, key, args));
    }
}
