package no.bosetting.selfsettlement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Municipality-initiated self-settlement: after accepting a household, the municipality gives it
 * about two weeks to find its own dwelling. The place is already counted (the acceptance took it);
 * the mark only tells this variant apart in the statistics and shows the household's deadline.
 */
@Service
public class MunicipalityInitiatedSelfSettlements {

    /** A household the municipality gave time to find its own dwelling. */
    public record Marked(long caseId, String reference, int persons, LocalDate deadline, OffsetDateTime markedAt, String markedBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final CaseCommands caseCommands;
    private final int days;

    public MunicipalityInitiatedSelfSettlements(JdbcClient jdbc, Clock clock, CaseQueries cases, CaseCommands caseCommands,
                                                @Value("${bosetting.self-settlement.municipality-days:14}") int days) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.caseCommands = caseCommands;
        this.days = days;
    }

    public int days() {
        return days;
    }

    /** The municipality's accepted, not yet settled households that are not marked. */
    @Transactional(readOnly = true)
    public List<CaseSummary> candidates(Actor actor) {
        if (actor.role() != Role.MUNICIPALITY_OFFICER) {
            return List.of();
        }
        List<CaseSummary> offered = cases.search(new CaseFilter(CaseStatus.OFFERED, null, null, null, null, null, null, null, null),
                actor, 0, 200).items();
        Map<Long, Marked> marked = marked(actor).stream().collect(Collectors.toMap(Marked::caseId, m -> m));
        return offered.stream().filter(c -> !marked.containsKey(c.id())).toList();
    }

    @Transactional(readOnly = true)
    public List<Marked> marked(Actor actor) {
        if (actor.role() != Role.MUNICIPALITY_OFFICER) {
            return List.of();
        }
        return jdbc.sql("""
                select m.case_id, c.reference, c.persons, m.deadline, m.created_at, m.created_by
                from municipality_initiated_self_settlement m join settlement_case c on c.id = m.case_id
                where m.municipality_number = :m order by m.created_at desc limit 200
                """)
                .param("m", actor.municipalityNumber())
                .query((rs, n) -> new Marked(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
                .list();
    }

    @Transactional
    public CommandResult<LocalDate> mark(Actor actor, long caseId) {
        if (actor.role() != Role.MUNICIPALITY_OFFICER) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        Optional<CaseSummary> c = cases.summary(caseId, actor);
        if (c.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        if (c.get().status() != CaseStatus.OFFERED) {
            return CommandResult.fail(CommandFailure.WrongState.of(c.get().status().name(), "selfsettlement.error.initiated.state"));
        }
        LocalDate deadline = LocalDate.now(clock).plusDays(days);
        int inserted = jdbc.sql("""
                insert into municipality_initiated_self_settlement (case_id, municipality_number, deadline, created_at, created_by)
                values (:c, :m, :d, :now, :by) on conflict (case_id) do nothing
                """)
                .param("c", caseId).param("m", actor.municipalityNumber()).param("d", deadline)
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).update();
        if (inserted == 0) {
            return CommandResult.fail(CommandFailure.WrongState.of("MARKED", "selfsettlement.error.initiated.already"));
        }
        caseCommands.note(caseId, actor, "MUNICIPALITY_INITIATED_SELF_SETTLEMENT",
                "Kommunen har gitt husstanden frist til " + deadline + " til å finne egen bolig");
        return CommandResult.ok(deadline);
    }
}
