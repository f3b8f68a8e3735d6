package no.bosetting.interview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.municipalities.MunicipalService;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.ServiceCatalogue;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the interview found for the allocation round ({@link AllocationFacts}): family ties by kind, a job offer
 * with hours, a study admission, needs, and the household to be settled together with. Recorded by the same people as
 * the interview, after it.
 */
@Service
public class InterviewFacts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final Municipalities municipalities;
    private final ServiceCatalogue catalogue;
    private final HealthConsents consents;

    public InterviewFacts(JdbcClient jdbc, Clock clock, CaseQueries cases, Municipalities municipalities, ServiceCatalogue catalogue,
                          HealthConsents consents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.municipalities = municipalities;
        this.catalogue = catalogue;
        this.consents = consents;
    }

    public Optional<AllocationFacts> find(long caseId) {
        return Optional.ofNullable(forCases(List.of(caseId)).get(caseId));
    }

    public Map<Long, AllocationFacts> forCases(Collection<Long> caseIds) {
        Map<Long, AllocationFacts> result = new HashMap<>();
        if (caseIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select * from interview_allocation_facts where case_id in (:ids)").param("ids", caseIds)
                .query((rs, n) -> result.put(rs.getLong("case_id"), map(rs))).list();
        return result;
    }

    /** Every link between households to be settled together, as case id → the case it was linked to. */
    public Map<Long, Long> togetherLinks(Collection<Long> caseIds) {
        Map<Long, Long> links = new HashMap<>();
        if (caseIds.isEmpty()) {
            return links;
        }
        jdbc.sql("""
                select case_id, together_with_case_id from interview_allocation_facts
                where together_with_case_id is not null and (case_id in (:ids) or together_with_case_id in (:ids))
                """).param("ids", caseIds).query((rs, n) -> links.put(rs.getLong(1), rs.getLong(2))).list();
        return links;
    }

    /** The problems with these facts for this household, each at its field, in the order of the form. */
    public List<FieldProblem> validate(AllocationFacts f, CaseSummary summary, Actor actor) {
        List<FieldProblem> problems = new ArrayList<>();
        known(problems, "closeFamilyMunicipality", f.closeFamilyMunicipality());
        if (f.closeFamilyMunicipality() != null && f.closeFamilyKind() == null) {
            problems.add(FieldProblem.of("closeFamilyKind", "error.facts.closeFamilyKind"));
        }
        if (f.closeFamilyMunicipality() == null && f.closeFamilyKind() != null) {
            problems.add(FieldProblem.of("closeFamilyMunicipality", "error.facts.closeFamilyMunicipality"));
        }
        known(problems, "widerFamilyMunicipality", f.widerFamilyMunicipality());
        known(problems, "networkMunicipality", f.networkMunicipality());
        known(problems, "jobMunicipality", f.jobMunicipality());
        if (f.jobMunicipality() != null && f.jobHoursPerWeek() == null) {
            problems.add(FieldProblem.of("jobHoursPerWeek", "error.facts.jobHours"));
        } else if (f.jobHoursPerWeek() != null && (f.jobHoursPerWeek() < 1 || f.jobHoursPerWeek() > 80)) {
            problems.add(FieldProblem.of("jobHoursPerWeek", "error.facts.jobHoursRange"));
        } else if (f.jobMunicipality() == null && f.jobHoursPerWeek() != null) {
            problems.add(FieldProblem.of("jobMunicipality", "error.facts.jobMunicipality"));
        }
        known(problems, "studyMunicipality", f.studyMunicipality());
        for (AllocationNeed need : f.needs()) {
            if (need.health() && consents.consenting(summary.id()).isEmpty()) {
                problems.add(FieldProblem.of("needs", "error.facts.healthNeedWithoutConsent"));
            } else if (need == AllocationNeed.CHILD_WELFARE_FOLLOW_UP && !summary.unaccompaniedMinor()) {
                problems.add(FieldProblem.of("needs", "error.facts.childWelfareOnlyMinors"));
            } else if (need == AllocationNeed.SHARED_HOUSING && (summary.persons() != 1 || summary.unaccompaniedMinor())) {
                problems.add(FieldProblem.of("needs", "error.facts.sharedHousingOnlySingles"));
            }
        }
        // A municipality that binds the household must offer what it needs, or the household could never be proposed.
        LocalDate today = LocalDate.now(clock);
        Set<MunicipalService> required = AllocationNeed.services(f.needs());
        for (String[] binding : new String[][]{{"closeFamilyMunicipality", f.closeFamilyMunicipality()},
                // A binding job offer binds only a household without close family elsewhere (RoundBuilder: close family first).
                {"jobMunicipality", f.jobCanBind() && f.closeFamilyMunicipality() == null ? f.jobMunicipality() : null}}) {
            String m = binding[1];
            if (m == null || municipalities.find(m).isEmpty()) {
                continue;
            }
            for (MunicipalService s : required) {
                if (!catalogue.offersAll(m, List.of(s), today)) {
                    problems.add(FieldProblem.of("needs", "error.facts.serviceMissing", municipalities.name(m),
                            new org.springframework.context.support.DefaultMessageSourceResolvable("service." + s.name())));
                    break;
                }
            }
        }
        if (f.togetherWithCaseId() != null) {
            Optional<CaseSummary> other = f.togetherWithCaseId() == summary.id() ? Optional.empty()
                    : cases.summary(f.togetherWithCaseId(), actor);
            if (other.isEmpty()) {
                problems.add(FieldProblem.of("togetherWithCaseId", "error.facts.togetherUnknown"));
            } else if (other.get().status() != summary.status()) {
                // Households that are not equally ready cannot wait for each other in one round.
                problems.add(FieldProblem.of("togetherWithCaseId", "error.facts.togetherReadiness", other.get().reference()));
            }
        }
        return problems;
    }

    private void known(List<FieldProblem> problems, String field, String number) {
        if (number != null && municipalities.find(number).isEmpty()) {
            problems.add(FieldProblem.of(field, "error.municipality.unknown", number));
        }
    }

    @Transactional
    public CommandResult<Long> record(long caseId, AllocationFacts f, Actor actor) {
        Optional<CaseSummary> found = cases.summary(caseId, actor);
        if (found.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        if (actor.role() != Role.RECEPTION_STAFF && actor.role() != Role.AGENCY_CASEWORKER) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        CaseSummary summary = found.get();
        if (!summary.status().isOpen() || summary.status() == CaseStatus.OFFERED) {
            return CommandResult.fail(CommandFailure.WrongState.of(summary.status().name(), "error.interview.closedCase"));
        }
        if (jdbc.sql("select count(*) from settlement_interview where case_id = :c").param("c", caseId).query(Integer.class).single() == 0) {
            return CommandResult.fail(CommandFailure.WrongState.of(summary.status().name(), "error.facts.noInterview"));
        }
        List<FieldProblem> problems = validate(f, summary, actor);
        if (!problems.isEmpty()) {
            FieldProblem first = problems.get(0);
            return CommandResult.fail(new CommandFailure.RuleBroken(first.field(), first.messageKey(), first.args()));
        }
        jdbc.sql("""
                insert into interview_allocation_facts (case_id, close_family_municipality, close_family_kind, wider_family_municipality,
                    network_municipality, job_municipality, job_hours_per_week, study_municipality, needs, together_with_case_id,
                    updated_at, updated_by)
                values (:c, :cf, :kind, :wf, :net, :job, :hours, :study, :needs, :together, :now, :by)
                on conflict (case_id) do update set close_family_municipality = excluded.close_family_municipality,
                    close_family_kind = excluded.close_family_kind, wider_family_municipality = excluded.wider_family_municipality,
                    network_municipality = excluded.network_municipality, job_municipality = excluded.job_municipality,
                    job_hours_per_week = excluded.job_hours_per_week, study_municipality = excluded.study_municipality,
                    needs = excluded.needs, together_with_case_id = excluded.together_with_case_id,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """).param("c", caseId).param("cf", f.closeFamilyMunicipality())
                .param("kind", f.closeFamilyKind() == null ? null : f.closeFamilyKind().name())
                .param("wf", f.widerFamilyMunicipality()).param("net", f.networkMunicipality()).param("job", f.jobMunicipality())
                .param("hours", f.jobHoursPerWeek()).param("study", f.studyMunicipality())
                .param("needs", f.needs().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("together", f.togetherWithCaseId()).param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .update();
        return CommandResult.ok(caseId);
    }

    private static AllocationFacts map(ResultSet rs) throws SQLException {
        String kind = rs.getString("close_family_kind");
        String needs = rs.getString("needs");
        Set<AllocationNeed> n = EnumSet.noneOf(AllocationNeed.class);
        if (needs != null && !needs.isBlank()) {
            Arrays.stream(needs.split(",")).map(AllocationNeed::valueOf).forEach(n::add);
        }
        Long together = rs.getObject("together_with_case_id") == null ? null : rs.getLong("together_with_case_id");
        return new AllocationFacts(trim(rs.getString("close_family_municipality")),
                kind == null ? null : AllocationFacts.CloseFamilyKind.valueOf(kind), trim(rs.getString("wider_family_municipality")),
                trim(rs.getString("network_municipality")), trim(rs.getString("job_municipality")),
                (Integer) rs.getObject("job_hours_per_week"), trim(rs.getString("study_municipality")), n,
                together);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
