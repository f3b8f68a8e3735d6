package no.bosetting.concerns;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.ProtectionDesignation;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.MappingScope;
import no.bosetting.cases.ReceptionScope;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The interview's screening section (report 004 line 32): whoever holds the interview (the centre the household lives
 * in, the agency's caseworker, the municipality mapping a private resident) answers four yes/no questions. The answers
 * are kept here, never in the interview or its view; a yes waits for a designated user to write the restricted report.
 */
@Service
public class ConcernScreenings {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final ProtectionDesignation designation;
    private final ConcernAccessLog accessLog;

    ConcernScreenings(JdbcClient jdbc, Clock clock, CaseQueries cases, ProtectionDesignation designation, ConcernAccessLog accessLog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.designation = designation;
        this.accessLog = accessLog;
    }

    /** Whether the actor holds the household's interview (and so answers its screening). */
    public boolean mayScreen(Actor actor, long caseId) {
        Optional<CaseSummary> s = cases.summary(caseId, actor).or(() -> cases.mappedByMunicipality(caseId, actor));
        return s.isPresent() && s.get().status().isOpen()
                && (actor.is(Role.AGENCY_CASEWORKER) || ReceptionScope.sees(actor, s.get()) || MappingScope.sees(actor, s.get()));
    }

    /** Records the screening; returns its id. No indicator ticked is recorded too (the question was asked). */
    @Transactional
    public CommandResult<Long> screen(Actor actor, long caseId, Set<ConcernIndicator> indicators, String note) {
        if (!mayScreen(actor, caseId)) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        long id = jdbc.sql("""
                insert into concern_screening (case_id, negative_social_control, forced_marriage, lhbti_safety, trafficking, note,
                                               recorded_at, recorded_by)
                values (:c, :nsc, :fm, :l, :t, :note, :now, :by) returning id
                """).param("c", caseId).param("nsc", indicators.contains(ConcernIndicator.NEGATIVE_SOCIAL_CONTROL))
                .param("fm", indicators.contains(ConcernIndicator.FORCED_MARRIAGE)).param("l", indicators.contains(ConcernIndicator.LHBTI_SAFETY))
                .param("t", indicators.contains(ConcernIndicator.TRAFFICKING))
                .param("note", note == null || note.isBlank() ? null : note.trim()).param("now", OffsetDateTime.now(clock))
                .param("by", actor.username()).query(Long.class).single();
        return CommandResult.ok(id);
    }

    /** A screening with a concern that no report answers yet, as a designated user sees it in the work list. */
    public record Open(long id, long caseId, String caseReference, Set<ConcernIndicator> indicators, String note,
                       OffsetDateTime recordedAt, String recordedBy) {
    }

    /** The screenings with a yes and no report yet: designated users only (empty for anyone else); every one listed is logged. */
    @Transactional(readOnly = true)
    public List<Open> open(Actor actor) {
        if (!designation.isDesignated(actor)) {
            return List.of();
        }
        List<Open> open = jdbc.sql("""
                select id, case_id, negative_social_control, forced_marriage, lhbti_safety, trafficking, note, recorded_at, recorded_by
                from concern_screening
                where report_id is null and (negative_social_control or forced_marriage or lhbti_safety or trafficking)
                order by recorded_at, id limit 100
                """).query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), null, ConcernReports.indicators(rs, 3), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class), rs.getString(9))).list();
        open.forEach(o -> accessLog.record(actor, null, o.caseId(), "screening " + o.id() + ": list"));
        return open.stream().map(o -> new Open(o.id(), o.caseId(), cases.summaryForSystem(o.caseId()).map(CaseSummary::reference).orElse(""),
                o.indicators(), o.note(), o.recordedAt(), o.recordedBy())).toList();
    }

    /** One open screening for the report form: designated users only. */
    @Transactional(readOnly = true)
    public Optional<Open> find(Actor actor, long screeningId) {
        return open(actor).stream().filter(o -> o.id() == screeningId).findFirst();
    }

    /** Links the screening to the report written from it. */
    @Transactional
    void answeredBy(long screeningId, long caseId, long reportId) {
        jdbc.sql("update concern_screening set report_id = :r where id = :s and case_id = :c and report_id is null")
                .param("r", reportId).param("s", screeningId).param("c", caseId).update();
    }
}
