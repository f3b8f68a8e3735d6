package no.bosetting.housing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseQueries;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications for housing allowance, start loans and Husbanken's loans and grants, tracked by the
 * municipality from application to decision.
 */
@Service
public class HousingInstruments {

    /** Husbanken's grants for rental dwellings were abolished from this date. */
    public static final LocalDate GRANTS_ABOLISHED = LocalDate.of(2023, 1, 1);
    private static final String COLUMNS = """
            i.id, i.municipality_number, i.case_id, c.reference, i.dwelling_id, d.address, i.kind, i.applied_on, i.status,
            i.decided_on, i.amount, i.refusal_reason, i.note
            """;
    private static final String FROM = """
             from housing_instrument i left join settlement_case c on c.id = i.case_id left join dwelling d on d.id = i.dwelling_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final Dwellings dwellings;

    public HousingInstruments(JdbcClient jdbc, Clock clock, CaseQueries cases, Dwellings dwellings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.dwellings = dwellings;
    }

    /** Registers an application; a household's must name one of the municipality's households, a dwelling's one of its dwellings. */
    @Transactional
    public CommandResult<Long> apply(Actor actor, InstrumentKind kind, Long caseId, Long dwellingId, LocalDate appliedOn,
                                     Integer amount, String note) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("housing.error.notAllowed"));
        }
        if (kind == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("kind", "housing.error.choose"));
        }
        if (kind.forHousehold()) {
            if (caseId == null || cases.summary(caseId, actor).filter(c -> actor.municipalityNumber().equals(c.settlementMunicipality())).isEmpty()) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("caseId", "housing.error.instrument.household"));
            }
            dwellingId = null;
        } else {
            if (dwellingId == null || dwellings.find(actor, dwellingId).isEmpty()) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("dwellingId", "housing.error.instrument.dwelling"));
            }
            caseId = null;
        }
        LocalDate today = LocalDate.now(clock);
        if (appliedOn == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("appliedOn", "housing.error.date.required"));
        }
        if (appliedOn.isAfter(today)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("appliedOn", "housing.error.date.future"));
        }
        if (kind == InstrumentKind.HUSBANKEN_GRANT && !appliedOn.isBefore(GRANTS_ABOLISHED)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("kind", "housing.error.instrument.grantAbolished"));
        }
        if (amount != null && (amount < 0 || amount > 100_000_000)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("amount", "housing.error.number.range", 0, 100_000_000));
        }
        if (note != null && note.length() > 2000) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("note", "housing.error.text.tooLong", 2000));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return CommandResult.ok(jdbc.sql("""
                insert into housing_instrument (municipality_number, case_id, dwelling_id, kind, applied_on, status, amount, note,
                    created_at, created_by, updated_at, updated_by)
                values (:m, :case, :dwelling, :kind, :applied, 'PENDING', :amount, :note, :now, :by, :now, :by)
                returning id
                """)
                .param("m", actor.municipalityNumber()).param("case", caseId).param("dwelling", dwellingId)
                .param("kind", kind.name()).param("applied", appliedOn).param("amount", amount)
                .param("note", note == null || note.isBlank() ? null : note.trim()).param("now", now).param("by", actor.username())
                .query(Long.class).single());
    }

    /** Records the outcome; a refusal needs its reason, and any outcome but "pending" its date. */
    @Transactional
    public CommandResult<HousingInstrument> decide(Actor actor, long id, InstrumentStatus status, LocalDate decidedOn,
                                                   Integer amount, String refusalReason) {
        Optional<HousingInstrument> found = find(actor, id);
        if (found.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("housing.error.instrument.notFound", id));
        }
        if (status == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("status", "housing.error.choose"));
        }
        boolean pending = status == InstrumentStatus.PENDING;
        if (!pending && decidedOn == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("decidedOn", "housing.error.date.required"));
        }
        if (!pending && (decidedOn.isBefore(found.get().appliedOn()) || decidedOn.isAfter(LocalDate.now(clock)))) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("decidedOn", "housing.error.instrument.decidedOn"));
        }
        if (status == InstrumentStatus.REFUSED && (refusalReason == null || refusalReason.isBlank())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("refusalReason", "housing.error.reason.required"));
        }
        if (refusalReason != null && refusalReason.length() > 2000) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("refusalReason", "housing.error.text.tooLong", 2000));
        }
        if (amount != null && (amount < 0 || amount > 100_000_000)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("amount", "housing.error.number.range", 0, 100_000_000));
        }
        jdbc.sql("""
                update housing_instrument set status = :status, decided_on = :decided, amount = coalesce(:amount, amount),
                    refusal_reason = :reason, updated_at = :now, updated_by = :by where id = :id
                """)
                .param("status", status.name()).param("decided", pending ? null : decidedOn).param("amount", amount)
                .param("reason", status == InstrumentStatus.REFUSED ? refusalReason.trim() : null)
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("id", id).update();
        return CommandResult.ok(find(actor, id).orElseThrow());
    }

    public Optional<HousingInstrument> find(Actor actor, long id) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + FROM + " where i.id = :id and i.municipality_number = :m")
                .param("id", id).param("m", actor.municipalityNumber()).query((rs, n) -> map(rs)).optional();
    }

    /** The municipality's applications, pending first and oldest first, optionally of one status. */
    public List<HousingInstrument> list(Actor actor, InstrumentStatus status) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + FROM + " where i.municipality_number = :m"
                        + (status == null ? "" : " and i.status = :s")
                        + " order by case i.status when 'PENDING' then 0 else 1 end, i.applied_on, i.id limit 1000")
                .param("m", actor.municipalityNumber()).param("s", status == null ? "" : status.name())
                .query((rs, n) -> map(rs)).list();
    }

    private static HousingInstrument map(ResultSet rs) throws SQLException {
        return new HousingInstrument(rs.getLong("id"), rs.getString("municipality_number"), (Long) rs.getObject("case_id"),
                rs.getString("reference"), (Long) rs.getObject("dwelling_id"), rs.getString("address"),
                InstrumentKind.valueOf(rs.getString("kind")), rs.getObject("applied_on", LocalDate.class),
                InstrumentStatus.valueOf(rs.getString("status")), rs.getObject("decided_on", LocalDate.class),
                (Integer) rs.getObject("amount"), rs.getString("refusal_reason"), rs.getString("note"));
    }
}
