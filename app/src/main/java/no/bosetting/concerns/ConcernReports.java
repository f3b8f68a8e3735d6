package no.bosetting.concerns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.ProtectionDesignation;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.municipalities.MunicipalService;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.AllocationRestrictions;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.web.ListPage;
import no.bosetting.shared.web.PageRequest;
import no.bosetting.shared.web.SortKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restricted concern reports (issue 18 item 3). Written, read and answered by agency users designated for protection
 * work only ({@link ProtectionDesignation}); for anyone else a report does not exist (not found). Every read is in
 * {@link ConcernAccessLog}. A report needs at least one indicator, a description and a referral choice (issue 18, bad
 * input: "a concern report without a referral choice" is refused, nothing saved). Its unsuitable municipalities and
 * required services reach the allocation as {@link AllocationRestrictions}, without the reason.
 */
@Service
public class ConcernReports implements AllocationRestrictions {

    /** Reports per page of the list. */
    /** The list's one order: newest first. */
    public static final List<SortKey> ORDER = List.of(new SortKey("created", "created_at, id", "created_at desc, id desc"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final Municipalities municipalities;
    private final ProtectionDesignation designation;
    private final ConcernAccessLog accessLog;
    private final ConcernScreenings screenings;

    ConcernReports(JdbcClient jdbc, Clock clock, CaseQueries cases, Municipalities municipalities, ProtectionDesignation designation,
                   ConcernAccessLog accessLog, ConcernScreenings screenings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.municipalities = municipalities;
        this.designation = designation;
        this.accessLog = accessLog;
        this.screenings = screenings;
    }

    /** What a designated user writes. {@code screeningId} links the interview's screening it answers (nullable). */
    public record NewReport(long caseId, Long screeningId, Set<ConcernIndicator> indicators, String description, Referral referral,
                            LocalDate referredOn, Set<String> unsuitableMunicipalities, Set<MunicipalService> requiredServices) {
    }

    public boolean mayUse(Actor actor) {
        return designation.isDesignated(actor);
    }

    /** Every problem with the report at once, each on its field. */
    public List<FieldProblem> problems(NewReport r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.indicators() == null || r.indicators().isEmpty()) {
            problems.add(FieldProblem.of("indicators", "error.concern.indicatorRequired"));
        }
        if (r.description() == null || r.description().isBlank()) {
            problems.add(FieldProblem.of("description", "error.concern.descriptionRequired"));
        }
        if (r.referral() == null) {
            problems.add(FieldProblem.of("referral", "error.concern.referralRequired"));
        }
        if (r.referredOn() == null) {
            problems.add(FieldProblem.of("referredOn", "error.concern.referredOnRequired"));
        } else if (r.referredOn().isAfter(LocalDate.now(clock))) {
            problems.add(FieldProblem.of("referredOn", "error.concern.referredOnFuture"));
        }
        for (String m : r.unsuitableMunicipalities() == null ? Set.<String>of() : r.unsuitableMunicipalities()) {
            if (municipalities.find(m).isEmpty()) {
                problems.add(FieldProblem.of("unsuitable", "error.municipality.unknown", m));
                break;
            }
        }
        return problems;
    }

    /** Writes the report; a designated user only, for a case they can see; refused on its first problem, nothing saved. */
    @Transactional
    public CommandResult<Long> create(Actor actor, NewReport r) {
        if (!designation.isDesignated(actor)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.concern.designatedOnly"));
        }
        if (cases.summary(r.caseId(), actor).isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", r.caseId()));
        }
        List<FieldProblem> problems = problems(r);
        if (!problems.isEmpty()) {
            FieldProblem p = problems.get(0);
            return CommandResult.fail(new CommandFailure.RuleBroken(p.field(), p.messageKey(), p.args()));
        }
        Set<ConcernIndicator> in = r.indicators();
        long id = jdbc.sql("""
                insert into concern_report (case_id, negative_social_control, forced_marriage, lhbti_safety, trafficking, description,
                                            referral, referred_on, created_at, created_by)
                values (:c, :nsc, :fm, :l, :t, :d, :ref, :on, :now, :by) returning id
                """).param("c", r.caseId()).param("nsc", in.contains(ConcernIndicator.NEGATIVE_SOCIAL_CONTROL))
                .param("fm", in.contains(ConcernIndicator.FORCED_MARRIAGE)).param("l", in.contains(ConcernIndicator.LHBTI_SAFETY))
                .param("t", in.contains(ConcernIndicator.TRAFFICKING)).param("d", r.description().trim())
                .param("ref", r.referral().name()).param("on", r.referredOn()).param("now", OffsetDateTime.now(clock))
                .param("by", actor.username()).query(Long.class).single();
        for (String m : r.unsuitableMunicipalities()) {
            jdbc.sql("insert into concern_unsuitable_municipality (report_id, municipality_number) values (:r, :m)")
                    .param("r", id).param("m", m).update();
        }
        for (MunicipalService s : r.requiredServices()) {
            jdbc.sql("insert into concern_required_service (report_id, service) values (:r, :s)").param("r", id).param("s", s.code()).update();
        }
        if (r.screeningId() != null) {
            screenings.answeredBy(r.screeningId(), r.caseId(), id);
        }
        return CommandResult.ok(id);
    }

    /** How many reports the household has (for a designated user's case page; the caller has checked the designation). */
    @Transactional(readOnly = true)
    public long countFor(long caseId) {
        return jdbc.sql("select count(*) from concern_report where case_id = :c").param("c", caseId).query(Long.class).single();
    }

    /** Records the body's answer to the referral; a designated user only, with the answer and its date. */
    @Transactional
    public CommandResult<Void> recordAnswer(Actor actor, long reportId, String answer, LocalDate answeredOn) {
        if (!designation.isDesignated(actor) || !exists(reportId)) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.concern.notFound", reportId));
        }
        if (answer == null || answer.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("answer", "error.concern.answerRequired"));
        }
        if (answeredOn == null || answeredOn.isAfter(LocalDate.now(clock))) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("answeredOn", "error.concern.answeredOnInvalid"));
        }
        jdbc.sql("update concern_report set referral_answer = :a, answered_on = :on, answered_by = :by where id = :id")
                .param("a", answer.trim()).param("on", answeredOn).param("by", actor.username()).param("id", reportId).update();
        return CommandResult.ok(null);
    }

    private boolean exists(long reportId) {
        return jdbc.sql("select count(*) from concern_report where id = :id").param("id", reportId).query(Long.class).single() > 0;
    }

    /** The report for a designated user, the read logged; empty for anyone else (nothing logged, nothing told). */
    @Transactional(readOnly = true)
    public Optional<ConcernReport> read(Actor actor, long reportId, String purpose) {
        if (!designation.isDesignated(actor)) {
            return Optional.empty();
        }
        Optional<ConcernReport> report = jdbc.sql("select * from concern_report where id = :id").param("id", reportId)
                .query((rs, n) -> report(rs)).optional();
        report.ifPresent(r -> accessLog.record(actor, r.id(), r.caseId(), purpose));
        return report;
    }

    /**
     * A page of reports, newest first, for a designated user (every report listed is logged as read); empty for anyone
     * else. A page past the last shows the last, so an address kept from a longer list still shows reports.
     */
    @Transactional(readOnly = true)
    public ListPage<ConcernReport> list(Actor actor, Long caseId, PageRequest page, Map<String, String> filters) {
        if (!designation.isDesignated(actor)) {
            return page.result(List.of(), 0, filters);
        }
        String where = caseId == null ? "" : " where case_id = :c";
        var count = jdbc.sql("select count(*) from concern_report" + where);
        long total = (caseId == null ? count : count.param("c", caseId)).query(Long.class).single();
        PageRequest shown = page.clampedTo(total);
        var q = jdbc.sql("select * from concern_report" + where + " order by " + shown.orderBy() + " limit :l offset :o")
                .param("l", shown.size()).param("o", shown.offset());
        List<ConcernReport> reports = (caseId == null ? q : q.param("c", caseId)).query((rs, n) -> report(rs)).list();
        reports.forEach(r -> accessLog.record(actor, r.id(), r.caseId(), "list"));
        return shown.result(reports, total, filters);
    }

    private ConcernReport report(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        long caseId = rs.getLong("case_id");
        return new ConcernReport(id, caseId, cases.summaryForSystem(caseId).map(CaseSummary::reference).orElse(""),
                indicators(rs, rs.findColumn("negative_social_control")), rs.getString("description"),
                Referral.valueOf(rs.getString("referral")), rs.getObject("referred_on", LocalDate.class), rs.getString("referral_answer"),
                rs.getObject("answered_on", LocalDate.class), rs.getString("answered_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"),
                jdbc.sql("select municipality_number from concern_unsuitable_municipality where report_id = :r order by 1").param("r", id)
                        .query(String.class).list(),
                jdbc.sql("select service from concern_required_service where report_id = :r order by 1").param("r", id)
                        .query(String.class).list());
    }

    /** The four indicator columns, in {@link ConcernIndicator} order, from column {@code first}. */
    static Set<ConcernIndicator> indicators(ResultSet rs, int first) throws SQLException {
        Set<ConcernIndicator> set = EnumSet.noneOf(ConcernIndicator.class);
        ConcernIndicator[] all = ConcernIndicator.values();
        for (int i = 0; i < all.length; i++) {
            if (rs.getBoolean(first + i)) {
                set.add(all[i]);
            }
        }
        return set;
    }

    /** The allocation's view: unsuitable municipalities and required services per household, never the reason. */
    @Override
    @Transactional(readOnly = true)
    public Map<Long, Restriction> forCases(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Set<String>> unsuitable = new HashMap<>();
        Map<Long, Set<String>> services = new HashMap<>();
        jdbc.sql("""
                select r.case_id, u.municipality_number from concern_report r join concern_unsuitable_municipality u on u.report_id = r.id
                where r.case_id in (:c)
                """).param("c", caseIds)
                .query((rs, n) -> unsuitable.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2))).list();
        jdbc.sql("""
                select r.case_id, s.service from concern_report r join concern_required_service s on s.report_id = r.id
                where r.case_id in (:c)
                """).param("c", caseIds)
                .query((rs, n) -> services.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2))).list();
        Map<Long, Restriction> result = new HashMap<>();
        Set<Long> ids = new HashSet<>(unsuitable.keySet());
        ids.addAll(services.keySet());
        for (Long id : ids) {
            result.put(id, new Restriction(unsuitable.getOrDefault(id, Set.of()), services.getOrDefault(id, Set.of())));
        }
        return result;
    }

    /** Counts without personal data for the statistics: reports per indicator and per referral, created in the year. */
    @Transactional(readOnly = true)
    public Counts counts(int year) {
        Map<ConcernIndicator, Integer> byIndicator = new EnumMap<>(ConcernIndicator.class);
        Map<Referral, Integer> byReferral = new EnumMap<>(Referral.class);
        for (ConcernIndicator i : ConcernIndicator.values()) {
            byIndicator.put(i, 0);
        }
        for (Referral r : Referral.values()) {
            byReferral.put(r, 0);
        }
        jdbc.sql("""
                select negative_social_control, forced_marriage, lhbti_safety, trafficking, referral from concern_report
                where extract(year from created_at at time zone 'Europe/Oslo') = :y
                """).param("y", year).query((rs, n) -> {
                    indicators(rs, 1).forEach(i -> byIndicator.merge(i, 1, Integer::sum));
                    byReferral.merge(Referral.valueOf(rs.getString(5)), 1, Integer::sum);
                    return null;
                }).list();
        return new Counts(byIndicator, byReferral);
    }

    public record Counts(Map<ConcernIndicator, Integer> byIndicator, Map<Referral, Integer> byReferral) {
    }
}
