package no.bosetting.housing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.decisions.HouseholdSettled;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipality's dwelling register. Every read and command is scoped to the actor's own
 * municipality; another municipality's dwelling reads as "not found".
 */
@Service
public class Dwellings {

    static final String COLUMNS = """
            d.id, d.municipality_number, d.address, d.owner_type, d.dwelling_type, d.rooms, d.area_m2, d.standard,
            d.accessible, d.distance_school_m, d.distance_shop_m, d.distance_transport_m, d.monthly_rent,
            d.available_from, d.status, d.vacant_since, d.holding_unit, d.landlord_id, d.reserved_case_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;

    private final SettlementDecisions decisions;

    public Dwellings(JdbcClient jdbc, Clock clock, CaseQueries cases, SettlementDecisions decisions) {
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
    }

    public List<FieldProblem> validate(DwellingData d) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.address() == null || d.address().isBlank()) {
            problems.add(FieldProblem.of("address", "housing.error.address.required"));
        } else if (d.address().length() > 300) {
            problems.add(FieldProblem.of("address", "housing.error.text.tooLong", 300));
        }
        if (d.ownerType() == null) {
            problems.add(FieldProblem.of("ownerType", "housing.error.choose"));
        }
        if (d.dwellingType() == null) {
            problems.add(FieldProblem.of("dwellingType", "housing.error.choose"));
        }
        range(problems, "rooms", d.rooms(), 1, 20, true);
        range(problems, "areaM2", d.areaM2(), 5, 1000, false);
        if (d.standard() == null) {
            problems.add(FieldProblem.of("standard", "housing.error.choose"));
        }
        range(problems, "distanceSchoolM", d.distanceSchoolM(), 0, 200_000, false);
        range(problems, "distanceShopM", d.distanceShopM(), 0, 200_000, false);
        range(problems, "distanceTransportM", d.distanceTransportM(), 0, 200_000, false);
        range(problems, "monthlyRent", d.monthlyRent(), 0, 200_000, false);
        if (d.availableFrom() == null) {
            problems.add(FieldProblem.of("availableFrom", "housing.error.date.required"));
        } else if (d.availableFrom().isBefore(LocalDate.now(clock).minusYears(5))) {
            problems.add(FieldProblem.of("availableFrom", "housing.error.date.tooEarly"));
        }
        if (d.holdingUnit() != null && d.holdingUnit().length() > 200) {
            problems.add(FieldProblem.of("holdingUnit", "housing.error.text.tooLong", 200));
        }
        return problems;
    }

    static void range(List<FieldProblem> problems, String field, Integer value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(FieldProblem.of(field, "housing.error.number.required"));
            }
        } else if (value < min || value > max) {
            problems.add(FieldProblem.of(field, "housing.error.number.range", min, max));
        }
    }

    @Transactional
    public CommandResult<Long> create(Actor actor, DwellingData d) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("housing.error.notAllowed"));
        }
        return insert(actor.municipalityNumber(), d, null, actor.username());
    }

    /** Inserts without a scope check; callers have checked the actor owns the municipality. */
    CommandResult<Long> insert(String municipalityNumber, DwellingData d, Long landlordId, String by) {
        List<FieldProblem> problems = validate(d);
        if (!problems.isEmpty()) {
            return CommandResult.fail(ruleBroken(problems.get(0)));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        DwellingStatus status = d.unavailable() ? DwellingStatus.UNAVAILABLE : DwellingStatus.VACANT;
        return CommandResult.ok(jdbc.sql("""
                insert into dwelling (municipality_number, address, owner_type, dwelling_type, rooms, area_m2, standard,
                    accessible, distance_school_m, distance_shop_m, distance_transport_m, monthly_rent, available_from,
                    status, vacant_since, holding_unit, landlord_id, created_at, created_by, updated_at, updated_by)
                values (:m, :address, :owner, :type, :rooms, :area, :standard, :accessible, :school, :shop, :transport,
                    :rent, :from, :status, :vacantSince, :unit, :landlord, :now, :by, :now, :by)
                returning id
                """)
                .params(params(d)).param("m", municipalityNumber).param("status", status.name())
                .param("vacantSince", status == DwellingStatus.VACANT ? d.availableFrom() : null)
                .param("landlord", landlordId).param("now", now).param("by", by)
                .query(Long.class).single());
    }

    /**
     * Changes the facts. Marking a dwelling unavailable or available again is allowed only while it is
     * not reserved or occupied, since those states belong to a household.
     */
    @Transactional
    public CommandResult<Dwelling> update(Actor actor, long id, DwellingData d) {
        Optional<Dwelling> found = lock(actor, id);
        if (found.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("housing.error.dwelling.notFound", id));
        }
        List<FieldProblem> problems = validate(d);
        if (!problems.isEmpty()) {
            return CommandResult.fail(ruleBroken(problems.get(0)));
        }
        DwellingStatus current = found.get().status();
        // The "out of use" box asks for a change of status only when it differs from the dwelling's.
        DwellingCommand change = d.unavailable() == (current == DwellingStatus.UNAVAILABLE) ? null
                : d.unavailable() ? DwellingCommand.MARK_UNAVAILABLE : DwellingCommand.MARK_AVAILABLE;
        if (change != null && !change.appliesTo(current)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("unavailable", "housing.error.dwelling.inUse"));
        }
        DwellingStatus status = change == null ? current : change.target();
        LocalDate vacantSince = change == null ? found.get().vacantSince()
                : status != DwellingStatus.VACANT ? null
                : LocalDate.now(clock).isAfter(d.availableFrom()) ? LocalDate.now(clock) : d.availableFrom();
        jdbc.sql("""
                update dwelling set address = :address, owner_type = :owner, dwelling_type = :type, rooms = :rooms,
                    area_m2 = :area, standard = :standard, accessible = :accessible, distance_school_m = :school,
                    distance_shop_m = :shop, distance_transport_m = :transport, monthly_rent = :rent,
                    available_from = :from, holding_unit = :unit, status = :status, vacant_since = :vacantSince,
                    updated_at = :now, updated_by = :by
                where id = :id
                """)
                .params(params(d)).param("status", status.name()).param("vacantSince", vacantSince)
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("id", id).update();
        return CommandResult.ok(find(actor, id).orElseThrow());
    }

    /**
     * Reserves a vacant dwelling for a household the municipality has accepted. The conditional update
     * is the guard: of two officers reserving the same dwelling at once, only one update finds it vacant.
     */
    @Transactional
    public CommandResult<Dwelling> reserve(Actor actor, long dwellingId, long caseId) {
        if (!DwellingCommand.RESERVE.allowedFor(actor.role())) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("housing.error.notAllowed"));
        }
        Optional<CaseSummary> household = cases.summary(caseId, actor);
        if (household.isEmpty() || !actor.municipalityNumber().equals(household.get().settlementMunicipality())) {
            return CommandResult.fail(CommandFailure.NotFound.of("housing.error.case.notFound", caseId));
        }
        if (household.get().status() != CaseStatus.OFFERED) {
            return CommandResult.fail(CommandFailure.WrongState.of(household.get().status().name(), "housing.error.case.notAwaiting"));
        }
        if (find(actor, dwellingId).isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("housing.error.dwelling.notFound", dwellingId));
        }
        if (reservedFor(actor, caseId).isPresent()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("dwellingId", "housing.error.case.alreadyReserved"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated;
        try {
            updated = jdbc.sql("""
                    update dwelling set status = 'RESERVED', reserved_case_id = :case, reserved_at = :now, reserved_by = :by,
                        updated_at = :now, updated_by = :by
                    where id = :id and municipality_number = :m and status = 'VACANT'
                    """)
                    .param("case", caseId).param("now", now).param("by", actor.username()).param("id", dwellingId)
                    .param("m", actor.municipalityNumber()).update();
        } catch (DuplicateKeyException e) {
            // A concurrent reservation of another dwelling for the same household won; the failed statement
            // has aborted this transaction, so it must end by rolling back.
            throw new CommandFailedException(CommandFailure.RuleBroken.of("dwellingId", "housing.error.case.alreadyReserved"));
        }
        if (updated == 0) {
            return CommandResult.fail(CommandFailure.WrongState.of("NOT_VACANT", "housing.error.dwelling.notVacant"));
        }
        Dwelling reserved = find(actor, dwellingId).orElseThrow();
        // The household cannot move in before the dwelling is free, so its planned date follows the dwelling.
        decisions.followDwellingAvailability(caseId, reserved.availableFrom(), actor);
        return CommandResult.ok(reserved);
    }

    /** The household has moved in: its reserved dwelling is occupied from the settlement date. */
    @org.springframework.context.event.EventListener
    public void onHouseholdSettled(HouseholdSettled settled) {
        jdbc.sql("""
                update dwelling set status = 'OCCUPIED', vacant_since = null, reserved_case_id = null, reserved_at = null,
                    reserved_by = null, updated_at = :now, updated_by = 'system'
                where reserved_case_id = :c and status = 'RESERVED'
                """)
                .param("now", OffsetDateTime.now(clock)).param("c", settled.caseId()).update();
    }

    /** Gives a reservation up; the dwelling is vacant again from today. */
    @Transactional
    public CommandResult<Dwelling> release(Actor actor, long dwellingId) {
        Optional<Dwelling> found = lock(actor, dwellingId);
        Optional<CommandFailure> refused = DwellingCommand.RELEASE.guard(actor, found.map(Dwelling::status),
                "housing.error.dwelling.notFound", dwellingId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                update dwelling set status = :s, reserved_case_id = null, reserved_at = null, reserved_by = null,
                    vacant_since = :since, updated_at = :now, updated_by = :by where id = :id
                """)
                .param("s", DwellingCommand.RELEASE.target().name())
                .param("since", today.isAfter(found.get().availableFrom()) ? today : found.get().availableFrom())
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("id", dwellingId).update();
        return CommandResult.ok(find(actor, dwellingId).orElseThrow());
    }

    /** The commands the actor may issue on the dwelling now; the caller found it within the actor's scope. */
    public List<DwellingCommand> validCommands(Actor actor, Dwelling dwelling) {
        return Transition.valid(DwellingCommand.class, actor, dwelling.status());
    }

    public Optional<Dwelling> find(Actor actor, long id) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select " + COLUMNS + " from dwelling d where d.id = :id and d.municipality_number = :m")
                .param("id", id).param("m", actor.municipalityNumber())
                .query((rs, n) -> map(rs, today)).optional();
    }

    Optional<Dwelling> lock(Actor actor, long id) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select " + COLUMNS + " from dwelling d where d.id = :id and d.municipality_number = :m for update")
                .param("id", id).param("m", actor.municipalityNumber())
                .query((rs, n) -> map(rs, today)).optional();
    }

    public List<Dwelling> list(Actor actor, DwellingFilter filter) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where d.municipality_number = :m");
        params.put("m", actor.municipalityNumber());
        if (filter.status() != null) {
            where.append(" and d.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.dwellingType() != null) {
            where.append(" and d.dwelling_type = :type");
            params.put("type", filter.dwellingType().name());
        }
        if (filter.minRooms() != null) {
            where.append(" and d.rooms >= :minRooms");
            params.put("minRooms", filter.minRooms());
        }
        if (filter.accessible() != null) {
            where.append(" and d.accessible = :accessible");
            params.put("accessible", filter.accessible());
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select " + COLUMNS + " from dwelling d" + where + " order by d.status, d.vacant_since nulls last, d.address, d.id limit 1000")
                .params(params).query((rs, n) -> map(rs, today)).list();
    }

    /** The dwelling reserved for a household, if any, in the actor's municipality. */
    public Optional<Dwelling> reservedFor(Actor actor, long caseId) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select " + COLUMNS + " from dwelling d where d.reserved_case_id = :c and d.municipality_number = :m")
                .param("c", caseId).param("m", actor.municipalityNumber()).query((rs, n) -> map(rs, today)).optional();
    }

    /** Monthly rent of the municipality's vacant dwellings, the cost of vacancy planning should see. */
    public long vacantRentPerMonth(Actor actor) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return 0;
        }
        return jdbc.sql("select coalesce(sum(monthly_rent), 0) from dwelling where municipality_number = :m and status = 'VACANT'")
                .param("m", actor.municipalityNumber()).query(Long.class).single();
    }

    private static Map<String, Object> params(DwellingData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("address", d.address().trim());
        p.put("owner", d.ownerType().name());
        p.put("type", d.dwellingType().name());
        p.put("rooms", d.rooms());
        p.put("area", d.areaM2());
        p.put("standard", d.standard().name());
        p.put("accessible", d.accessible());
        p.put("school", d.distanceSchoolM());
        p.put("shop", d.distanceShopM());
        p.put("transport", d.distanceTransportM());
        p.put("rent", d.monthlyRent());
        p.put("from", d.availableFrom());
        p.put("unit", d.holdingUnit() == null || d.holdingUnit().isBlank() ? null : d.holdingUnit().trim());
        return p;
    }

    static CommandFailure ruleBroken(FieldProblem p) {
        return new CommandFailure.RuleBroken(p.field(), p.messageKey(), p.args());
    }

    static Dwelling map(ResultSet rs, LocalDate today) throws SQLException {
        DwellingStatus status = DwellingStatus.valueOf(rs.getString("status"));
        LocalDate from = rs.getObject("available_from", LocalDate.class);
        LocalDate since = rs.getObject("vacant_since", LocalDate.class);
        Long daysVacant = null;
        if (status == DwellingStatus.VACANT) {
            LocalDate start = since == null || since.isBefore(from) ? from : since;
            daysVacant = Math.max(0, ChronoUnit.DAYS.between(start, today));
        }
        return new Dwelling(rs.getLong("id"), rs.getString("municipality_number"), rs.getString("address"),
                OwnerType.valueOf(rs.getString("owner_type")), DwellingType.valueOf(rs.getString("dwelling_type")),
                rs.getInt("rooms"), (Integer) rs.getObject("area_m2"), DwellingStandard.valueOf(rs.getString("standard")),
                rs.getBoolean("accessible"), (Integer) rs.getObject("distance_school_m"), (Integer) rs.getObject("distance_shop_m"),
                (Integer) rs.getObject("distance_transport_m"), (Integer) rs.getObject("monthly_rent"), from, status, since,
                rs.getString("holding_unit"), (Long) rs.getObject("landlord_id"), (Long) rs.getObject("reserved_case_id"),
                daysVacant);
    }
}
