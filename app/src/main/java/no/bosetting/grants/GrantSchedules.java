package no.bosetting.grants;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.LivingSituations;
import no.bosetting.cases.PersonView;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.moves.SecondaryMove;
import no.bosetting.moves.SecondaryMoves;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's grant schedule, computed by {@link ScheduleCalculator} from the registered settlement date (or the
 * planned one while the household is accepted but not settled), the household, the secondary moves and the AMOT/MAMOT
 * stays, and kept as a snapshot whenever the result differs from the last one: the history of what was computed when,
 * and why (a settlement, a household change, a date correction seen on reading, a payment run). The views and payment
 * runs read the current snapshots.
 */
@Service
public class GrantSchedules {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final SettlementDecisions decisions;
    private final SecondaryMoves moves;
    private final LivingSituations living;
    private final GrantRates rates;

    public GrantSchedules(JdbcClient jdbc, Clock clock, CaseQueries cases, SettlementDecisions decisions, SecondaryMoves moves,
                          LivingSituations living, GrantRates rates) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.decisions = decisions;
        this.moves = moves;
        this.living = living;
        this.rates = rates;
    }

    /** One stored computation of a person's schedule. */
    public record Snapshot(long id, long personId, long caseId, OffsetDateTime computedAt, String cause, LocalDate settledOn,
                           LocalDate plannedOn, GrantCategory category, BigDecimal total, boolean current) {
    }

    /** The facts of every member of the case now. */
    List<ScheduleCalculator.Facts> facts(long caseId) {
        List<PersonView> members = cases.members(caseId);
        if (members.isEmpty()) {
            return List.of();
        }
        Map<Long, SettlementDecision> active = new HashMap<>();
        for (SettlementDecision d : decisions.forCase(caseId)) {
            if (d.status() == DecisionStatus.SETTLED || d.status() == DecisionStatus.OFFERED) {
                active.put(d.personId(), d);
            }
        }
        Map<Long, List<ScheduleCalculator.Move>> movesByPerson = new HashMap<>();
        for (SecondaryMove m : moves.forCase(caseId)) {
            movesByPerson.computeIfAbsent(m.personId(), k -> new ArrayList<>()).add(new ScheduleCalculator.Move(m.movedOn(), m.toMunicipality()));
        }
        List<ScheduleCalculator.Stay> stays = living.periods(caseId).stream()
                .filter(p -> p.kind() == LivingSituation.AMOT || p.kind() == LivingSituation.MAMOT)
                .map(p -> new ScheduleCalculator.Stay(GrantKind.valueOf(p.kind().name()), p.municipalityNumber(), p.from(), p.to()))
                .toList();
        List<ScheduleCalculator.Facts> facts = new ArrayList<>();
        for (PersonView p : members) {
            SettlementDecision d = active.get(p.id());
            LocalDate settled = d != null && d.status() == DecisionStatus.SETTLED ? d.settlementDate() : null;
            LocalDate planned = d != null && d.status() == DecisionStatus.OFFERED ? d.plannedSettlementDate() : null;
            LocalDate base = settled != null ? settled : planned;
            GrantCategory category = null;
            if (base != null) {
                boolean noAdults = members.stream().allMatch(m -> m.birthDate().plusYears(18).isAfter(base));
                category = GrantCategory.of(p.birthDate(), base, noAdults, members.size());
            }
            facts.add(new ScheduleCalculator.Facts(p.id(), caseId, p.birthDate(), category, settled, planned,
                    d == null ? null : d.municipalityNumber(), movesByPerson.getOrDefault(p.id(), List.of()), stays,
                    jdbc.sql("select granted_on from grant_additional where person_id = :p and kind = 'DISABILITY'").param("p", p.id())
                            .query(LocalDate.class).list()));
        }
        return facts;
    }

    /**
     * Recomputes the case's schedules and stores a snapshot for every person whose result changed (a person no longer in
     * the household gets an empty one); returns how many snapshots were written.
     */
    @Transactional
    public int refresh(long caseId, String cause) {
        LocalDate today = LocalDate.now(clock);
        RateBook book = rates.book();
        int written = 0;
        Set<Long> seen = new LinkedHashSet<>();
        for (ScheduleCalculator.Facts f : facts(caseId)) {
            seen.add(f.personId());
            List<ScheduleLine> lines = ScheduleCalculator.compute(f, book, today);
            written += store(f.personId(), caseId, f.settledOn(), f.plannedOn(), f.category(), lines, cause) ? 1 : 0;
        }
        for (Long gone : jdbc.sql("select person_id from grant_schedule where case_id = :c and current").param("c", caseId)
                .query(Long.class).list()) {
            if (!seen.contains(gone)) {
                written += store(gone, caseId, null, null, null, List.of(), cause) ? 1 : 0;
            }
        }
        return written;
    }

    private boolean store(long personId, long caseId, LocalDate settled, LocalDate planned, GrantCategory category, List<ScheduleLine> lines,
                          String cause) {
        String fingerprint = settled + ";" + planned + ";" + category + ";" + lines;
        Optional<String> last = jdbc.sql("select fingerprint from grant_schedule where person_id = :p and current").param("p", personId)
                .query(String.class).optional();
        if (last.isPresent() ? last.get().equals(fingerprint) : lines.isEmpty()) {
            return false;
        }
        jdbc.sql("update grant_schedule set current = false where person_id = :p and current").param("p", personId).update();
        BigDecimal total = lines.stream().map(ScheduleLine::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        long id = jdbc.sql("""
                insert into grant_schedule (person_id, case_id, computed_at, cause, settled_on, planned_on, category, fingerprint, total, current)
                values (:p, :c, :now, :cause, :settled, :planned, :category, :fp, :total, true) returning id
                """)
                .param("p", personId).param("c", caseId).param("now", OffsetDateTime.now(clock)).param("cause", cause)
                .param("settled", settled, java.sql.Types.DATE).param("planned", planned, java.sql.Types.DATE)
                .param("category", category == null ? null : category.name(), java.sql.Types.VARCHAR).param("fp", fingerprint)
                .param("total", total).query(Long.class).single();
        for (ScheduleLine l : lines) {
            jdbc.sql("""
                    insert into grant_schedule_line (schedule_id, kind, scheme_year, period_month, calendar_year, municipality_number, amount,
                        rate_id, expected)
                    values (:s, :kind, :n, :month, :year, :m, :amount, :rate, :expected)
                    """)
                    .param("s", id).param("kind", l.kind().name()).param("n", l.schemeYear(), java.sql.Types.INTEGER)
                    .param("month", l.periodMonth(), java.sql.Types.DATE).param("year", l.calendarYear()).param("m", l.municipalityNumber())
                    .param("amount", l.amount(), java.sql.Types.NUMERIC).param("rate", l.rateId(), java.sql.Types.BIGINT)
                    .param("expected", l.expected()).update();
        }
        return true;
    }

    /** Every case with a household offered or settled, and every case with a schedule: what a full recomputation covers. */
    public List<Long> casesInScope() {
        Set<Long> ids = new LinkedHashSet<>();
        decisions.decidedHouseholds(OffsetDateTime.parse("2000-01-01T00:00:00Z"), OffsetDateTime.now(clock).plusYears(1))
                .forEach(h -> ids.add(h.caseId()));
        ids.addAll(jdbc.sql("select distinct case_id from grant_schedule where current").query(Long.class).list());
        return new ArrayList<>(ids);
    }

    /** Recomputes every case in scope (before a payment run, or asked by the agency); returns the snapshots written. */
    @Transactional
    public int refreshAll(String cause) {
        int written = 0;
        for (long caseId : casesInScope()) {
            written += refresh(caseId, cause);
        }
        return written;
    }

    public Optional<Snapshot> current(long personId) {
        return jdbc.sql("select " + SNAPSHOT + " from grant_schedule where person_id = :p and current").param("p", personId)
                .query((rs, n) -> snapshot(rs)).optional();
    }

    /** Every computation of the person's schedule, newest first. */
    public List<Snapshot> history(long personId) {
        return jdbc.sql("select " + SNAPSHOT + " from grant_schedule where person_id = :p order by id desc").param("p", personId)
                .query((rs, n) -> snapshot(rs)).list();
    }

    public List<ScheduleLine> lines(long snapshotId) {
        return jdbc.sql("""
                select kind, scheme_year, period_month, calendar_year, municipality_number, amount, rate_id, expected
                from grant_schedule_line where schedule_id = :s order by calendar_year, period_month nulls last, kind
                """).param("s", snapshotId).query((rs, n) -> new ScheduleLine(GrantKind.valueOf(rs.getString(1)), (Integer) rs.getObject(2),
                        rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getString(5), rs.getBigDecimal(6), (Long) rs.getObject(7),
                        rs.getBoolean(8))).list();
    }

    /** The case the person belongs to, from their schedule, when they have one. */
    public Optional<Long> caseOf(long personId) {
        return jdbc.sql("select case_id from grant_schedule where person_id = :p order by id desc limit 1").param("p", personId)
                .query(Long.class).optional();
    }

    /** Whether any current line of the person goes to the municipality. */
    public boolean concerns(long personId, String municipalityNumber) {
        return jdbc.sql("""
                select count(*) from grant_schedule s join grant_schedule_line l on l.schedule_id = s.id
                where s.person_id = :p and s.current and l.municipality_number = :m
                """).param("p", personId).param("m", municipalityNumber).query(Long.class).single() > 0;
    }

    /**
     * Of the given persons, those whose latest schedule belongs to the case and — with a municipality — that have a
     * current line to it: {@link #caseOf} and {@link #concerns} for a whole household in one statement.
     */
    public Set<Long> shownIn(long caseId, List<Long> personIds, String municipalityNumber) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("""
                select latest.person_id from (
                    select distinct on (person_id) person_id, case_id from grant_schedule
                    where person_id in (:ids) order by person_id, id desc) latest
                where latest.case_id = :c
                  and (cast(:m as text) is null or exists (
                    select 1 from grant_schedule s join grant_schedule_line l on l.schedule_id = s.id
                    where s.person_id = latest.person_id and s.current and l.municipality_number = :m))
                """).param("ids", personIds).param("c", caseId).param("m", municipalityNumber).query(Long.class).list());
    }

    private static final String SNAPSHOT = "id, person_id, case_id, computed_at, cause, settled_on, planned_on, category, total, current";

    private static Snapshot snapshot(java.sql.ResultSet rs) throws java.sql.SQLException {
        String category = rs.getString("category");
        return new Snapshot(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("case_id"), rs.getObject("computed_at", OffsetDateTime.class),
                rs.getString("cause"), rs.getObject("settled_on", LocalDate.class), rs.getObject("planned_on", LocalDate.class),
                category == null ? null : GrantCategory.valueOf(category), rs.getBigDecimal("total"), rs.getBoolean("current"));
    }
}
