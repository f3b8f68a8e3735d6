package no.bosetting.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.shared.CommandFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every household and person change shares: the case locked and guarded in the one order (found in the
 * actor's scope, permitted, in a state the command applies to), the member looked up in the case, the history line
 * (who, when, why, before → after) and the anonymised notice to the municipality the case is proposed to or
 * accepted by.
 */
@Component
class ChangeSupport {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries queries;
    private final ApplicationEventPublisher events;
    private final no.bosetting.shared.Words words;
    private final ProtectedAddress protection;

    ChangeSupport(JdbcClient jdbc, Clock clock, CaseQueries queries, ApplicationEventPublisher events, no.bosetting.shared.Words words,
                  ProtectedAddress protection) {
        this.words = words;
        this.protection = protection;
        this.jdbc = jdbc;
        this.clock = clock;
        this.queries = queries;
        this.events = events;
    }

    /** Codes in words for history lines (issue 16 point 6). */
    no.bosetting.shared.Words words() {
        return words;
    }

    /** The member as the change sees it. */
    record Member(long id, String name, LocalDate birthDate, String sex, Relation relation) {
    }

    /** Locks the case and guards the command; the case's status when the command may run, else the failure. */
    Result guard(long caseId, CaseCommand command, Actor actor) {
        Optional<CaseStatus> status = queries.summary(caseId, actor).isEmpty() ? Optional.empty()
                : jdbc.sql("select status from settlement_case where id = :id for update").param("id", caseId)
                .query((rs, n) -> CaseStatus.valueOf(rs.getString(1))).optional();
        Optional<CommandFailure> refused = command.guard(actor, status, "error.case.notFound", caseId);
        if (refused.isEmpty() && !protection.mayAct(actor, caseId)) {
            // A protected household is handled by designated caseworkers only; so is entering its address (issue 18).
            refused = Optional.of(ProtectedAddress.notDesignated());
        }
        return refused.map(f -> new Result(null, f)).orElseGet(() -> new Result(status.get(), null));
    }

    record Result(CaseStatus status, CommandFailure failure) {
    }

    /** A current member of the case, or empty (a person of another case or removed reads as not found). */
    Optional<Member> member(long caseId, long personId) {
        return jdbc.sql("""
                select id, given_name || ' ' || family_name, birth_date, sex, relation from person
                where id = :p and case_id = :c and removed_on is null
                """)
                .param("p", personId).param("c", caseId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        Relation.valueOf(rs.getString(5))))
                .optional();
    }

    static CommandFailure memberNotFound(long personId) {
        return CommandFailure.NotFound.of("error.person.notFound", personId);
    }

    /** The history line: the status stays; {@code text} says what changed (before → after) and why. */
    void history(long caseId, Actor actor, CaseCommand command, CaseStatus status, String text) {
        CaseCommands.CASE_HISTORY.append(jdbc, clock, caseId, actor, command, status, status, text);
    }

    /** Tells the municipality the case is proposed to or accepted by (the messages module listens). */
    void notice(long caseId, CaseCommand command, CaseStatus status, String notice, Actor actor) {
        if (status == CaseStatus.PROPOSED || status == CaseStatus.OFFERED || status == CaseStatus.SETTLED) {
            events.publishEvent(new HouseholdChanged(caseId, command, notice, actor));
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    java.time.OffsetDateTime now() {
        return java.time.OffsetDateTime.now(clock);
    }

    Clock clock() {
        return clock;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
