package no.bosetting.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.Identifiers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accompanying adult of an unaccompanied minor (report 000 lines 4082-4094: most young Ukrainians come with a
 * grandparent, aunt, older sibling or friend, and are unaccompanied minors all the same). Recorded from the permit row
 * that marks the adult as accompanying, and set, corrected or removed by the agency's caseworker; each change is in
 * the case history, before → after. The minor keeps minor status, the minors' places and the 3-month target.
 */
@Service
public class AccompanyingAdults {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;

    public AccompanyingAdults(JdbcClient jdbc, Clock clock, CaseQueries cases) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
    }

    /** What the caseworker types; {@code dufNumber} may be empty. */
    public record Input(String givenName, String familyName, LocalDate birthDate, AccompanyingAdult.Kind relationToMinor,
                        String dufNumber) {
    }

    public Optional<AccompanyingAdult> find(long caseId) {
        return jdbc.sql("select * from accompanying_adult where case_id = :c").param("c", caseId)
                .query((rs, n) -> new AccompanyingAdult(rs.getLong("case_id"), rs.getString("given_name"),
                        rs.getString("family_name"), rs.getObject("birth_date", LocalDate.class),
                        AccompanyingAdult.Kind.valueOf(rs.getString("relation_to_minor")),
                        rs.getString("duf_number") == null ? null : rs.getString("duf_number").trim(), rs.getString("source"),
                        rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by")))
                .optional();
    }

    /** Every problem with the input at once, each on its field. */
    public List<FieldProblem> validate(Input in) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (in.givenName() == null || in.givenName().isBlank()) {
            problems.add(FieldProblem.of("givenName", "error.givenName.required"));
        }
        if (in.familyName() == null || in.familyName().isBlank()) {
            problems.add(FieldProblem.of("familyName", "error.familyName.required"));
        }
        if (in.birthDate() == null) {
            problems.add(FieldProblem.of("birthDate", "error.birthDate.required"));
        } else if (in.birthDate().isAfter(today) || in.birthDate().isBefore(today.minusYears(120))) {
            problems.add(FieldProblem.of("birthDate", "error.birthDate.range"));
        } else if (Period.between(in.birthDate(), today).getYears() < 18) {
            problems.add(FieldProblem.of("birthDate", "error.accompanying.notAdult"));
        }
        if (in.relationToMinor() == null) {
            problems.add(FieldProblem.of("relationToMinor", "error.accompanying.relationRequired"));
        }
        if (in.dufNumber() != null && !in.dufNumber().isBlank()) {
            Identifiers.dufNumberError(in.dufNumber().trim())
                    .ifPresent(key -> problems.add(FieldProblem.of("dufNumber", key, in.dufNumber())));
        }
        return problems;
    }

    @Transactional
    public CommandResult<AccompanyingAdult> set(long caseId, Input in, Actor actor) {
        Optional<CaseSummary> summary = cases.summary(caseId, actor);
        Optional<CommandFailure> refused = CaseCommand.SET_ACCOMPANYING_ADULT.guard(actor, summary.map(CaseSummary::status),
                "error.case.notFound", caseId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        if (!summary.get().unaccompaniedMinor()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("", "error.accompanying.notMinor"));
        }
        List<FieldProblem> problems = validate(in);
        if (!problems.isEmpty()) {
            FieldProblem first = problems.get(0);
            return CommandResult.fail(new CommandFailure.RuleBroken(first.field(), first.messageKey(), first.args()));
        }
        Optional<AccompanyingAdult> before = find(caseId);
        write(caseId, in, "CASEWORKER", actor);
        AccompanyingAdult after = find(caseId).orElseThrow();
        CaseCommands.CASE_HISTORY.append(jdbc, clock, caseId, actor, CaseCommand.SET_ACCOMPANYING_ADULT, summary.get().status(),
                summary.get().status(), "Følgeperson: " + before.map(AccompanyingAdult::describe).orElse("ingen") + " → " + after.describe());
        return CommandResult.ok(after);
    }

    @Transactional
    public CommandResult<Void> remove(long caseId, String reason, Actor actor) {
        Optional<CaseSummary> summary = cases.summary(caseId, actor);
        Optional<CommandFailure> refused = CaseCommand.REMOVE_ACCOMPANYING_ADULT.guard(actor, summary.map(CaseSummary::status),
                "error.case.notFound", caseId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        Optional<AccompanyingAdult> before = find(caseId);
        if (before.isEmpty()) {
            return CommandResult.ok(null);
        }
        if (reason == null || reason.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reason.required"));
        }
        jdbc.sql("delete from accompanying_adult where case_id = :c").param("c", caseId).update();
        CaseCommands.CASE_HISTORY.append(jdbc, clock, caseId, actor, CaseCommand.REMOVE_ACCOMPANYING_ADULT, summary.get().status(),
                summary.get().status(), "Følgeperson: " + before.get().describe() + " → ingen (" + reason.trim() + ")");
        return CommandResult.ok(null);
    }

    /** From the permit import, in its transaction: the permit row marked the adult as accompanying. */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordFromPermit(long caseId, PermitImportRequest.PersonData adult, Actor actor) {
        write(caseId, new Input(adult.givenName(), adult.familyName(), adult.birthDate(), AccompanyingAdult.Kind.OTHER,
                adult.dufNumber()), "PERMIT", actor);
    }

    private void write(long caseId, Input in, String source, Actor actor) {
        jdbc.sql("""
                insert into accompanying_adult (case_id, given_name, family_name, birth_date, relation_to_minor, duf_number,
                    source, updated_at, updated_by)
                values (:c, :g, :f, :b, :r, :duf, :src, :now, :by)
                on conflict (case_id) do update set given_name = excluded.given_name, family_name = excluded.family_name,
                    birth_date = excluded.birth_date, relation_to_minor = excluded.relation_to_minor,
                    duf_number = excluded.duf_number, source = excluded.source, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by
                """)
                .param("c", caseId).param("g", in.givenName().trim()).param("f", in.familyName().trim())
                .param("b", in.birthDate()).param("r", in.relationToMinor().name())
                .param("duf", in.dufNumber() == null || in.dufNumber().isBlank() ? null : in.dufNumber().trim())
                .param("src", source).param("now", OffsetDateTime.now(clock)).param("by", actor.username()).update();
    }
}
