package no.bosetting.decisions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reunified family member who joins a settled household (issue 14 item 4; the person is added to the household by
 * the household changes in {@code cases}): the place is taken by the one place rule in the household's settlement
 * municipality, in the year of arrival, as one reunified person — inside the decided number, or on top of it when the
 * decision says so (report 003 lines 2292–2294: Flora's 35 for 2011 with reunified family members on top; lines
 * 2353–2354: Bærum's 120 including them). The person is settled on arrival, and counted as reunified in the statistics.
 */
@Service
public class ReunifiedPlaces {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final PlaceRule places;

    ReunifiedPlaces(JdbcClient jdbc, Clock clock, CaseQueries cases, PlaceRule places) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.places = places;
    }

    /**
     * Registers that {@code personId}, a member of the settled household {@code caseId}, arrived by family reunification
     * on {@code arrivedOn}. An agency user may take the place beyond a full decision with {@code overrideReason}.
     * Returns the new decision's id.
     */
    @Transactional
    public CommandResult<Long> register(long caseId, long personId, LocalDate arrivedOn, Actor actor, String overrideReason) {
        Optional<CaseSummary> summary = cases.summary(caseId, actor);
        Optional<String> municipality = jdbc.sql("""
                select municipality_number from settlement_decision where case_id = :c and status = 'SETTLED' order by id limit 1
                """).param("c", caseId).query(String.class).optional();
        // In scope: the agency, or the municipality the household is settled in.
        Optional<CaseSummary> inScope = summary.filter(s -> actor.isAgency()
                || municipality.map(actor::isMunicipality).orElse(false));
        if (inScope.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        if (!DecisionCommand.REGISTER_REUNIFIED.allowedFor(actor.role())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (inScope.get().status() != CaseStatus.SETTLED || municipality.isEmpty()) {
            return CommandResult.fail(DecisionCommand.REGISTER_REUNIFIED.wrongState(inScope.get().status().name()));
        }
        if (!cases.personIds(caseId).contains(personId)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("person", "error.reunified.notMember"));
        }
        boolean counted = jdbc.sql("select count(*) from settlement_decision where person_id = :p and status in ('OFFERED', 'SETTLED')")
                .param("p", personId).query(Long.class).single() > 0;
        if (counted) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("person", "error.reunified.alreadyCounted"));
        }
        if (arrivedOn == null || arrivedOn.isAfter(LocalDate.now(clock))) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("date", "error.reunified.date"));
        }
        PlaceOverride override = PlaceOverride.of(actor, overrideReason);
        Optional<PlacesRefused> refused = places.take(municipality.get(), arrivedOn.getYear(), 1, 0, 1, override);
        // A year without a decided number has none to exceed: the arrival is a fact, recorded and counted there.
        if (refused.isPresent() && refused.get().reason() != PlacesRefused.Reason.NO_DECISION) {
            return CommandResult.fail(refused.get().failure("date"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                insert into settlement_decision (case_id, person_id, municipality_number, status, unaccompanied_minor, reunified,
                    decided_at, decided_by, planned_settlement_date, settlement_date, place_year, override_reason,
                    created_at, created_by, updated_at, updated_by)
                values (:case, :person, :m, 'SETTLED', false, true, :now, :by, :date, :date, :year, :override, :now, :by, :now, :by)
                returning id
                """)
                .param("case", caseId).param("person", personId).param("m", municipality.get()).param("now", now)
                .param("by", actor.username()).param("date", arrivedOn).param("year", arrivedOn.getYear())
                .param("override", override == null ? null : override.reason())
                .query(Long.class).single();
        jdbc.sql("""
                insert into settlement_date_change (settlement_decision_id, changed_at, changed_by, changed_by_role, old_date, new_date, reason)
                values (:id, :now, :by, :role, null, :date, 'Familiegjenforent')
                """)
                .param("id", id).param("now", now).param("by", actor.username()).param("role", actor.role().name())
                .param("date", arrivedOn).update();
        return CommandResult.ok(id);
    }
}
