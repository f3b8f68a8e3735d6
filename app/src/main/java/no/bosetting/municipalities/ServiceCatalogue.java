package no.bosetting.municipalities;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each municipality's dated service catalogue (issue 23 item 1): which services it offers from which day. The
 * municipality's officer keeps its own; the agency's caseworkers and administrators keep any. A household that
 * requires a service can only be proposed where the catalogue has it on the day of the round.
 */
@Service
public class ServiceCatalogue {

    /** One dated entry: the service is offered from {@code validFrom} to {@code validTo} (null: until further notice). */
    public record Entry(long id, String municipalityNumber, MunicipalService service, LocalDate validFrom, LocalDate validTo,
                        String note, OffsetDateTime recordedAt, String recordedBy) {
        public boolean validOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }
    }

    private static final Set<Role> AGENCY_KEEPERS = EnumSet.of(Role.AGENCY_CASEWORKER, Role.AGENCY_PLANNER, Role.AGENCY_ADMIN);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Municipalities municipalities;

    public ServiceCatalogue(JdbcClient jdbc, Clock clock, Municipalities municipalities) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.municipalities = municipalities;
    }

    /** Whether the actor may keep this municipality's catalogue: its own officer, or the agency. */
    public static boolean mayKeep(Actor actor, String municipalityNumber) {
        return AGENCY_KEEPERS.contains(actor.role()) || actor.is(Role.MUNICIPALITY_OFFICER) && actor.isMunicipality(municipalityNumber);
    }

    public List<Entry> entries(String municipalityNumber) {
        return jdbc.sql("""
                select id, municipality_number, service, valid_from, valid_to, note, recorded_at, recorded_by
                from municipality_service where municipality_number = :m order by service, valid_from, id
                """).param("m", municipalityNumber).query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("municipality_number"),
                        MunicipalService.ofCode(rs.getString("service")).orElseThrow(), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getString("note"), rs.getObject("recorded_at", OffsetDateTime.class),
                        rs.getString("recorded_by"))).list();
    }

    /** The service codes each municipality offers on {@code day}; a municipality without any is left out. */
    public Map<String, Set<String>> offeredOn(LocalDate day) {
        Map<String, Set<String>> offered = new HashMap<>();
        jdbc.sql("""
                select municipality_number, service from municipality_service
                where valid_from <= :d and (valid_to is null or valid_to >= :d)
                """).param("d", day).query((rs, n) -> {
                    offered.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>()).add(rs.getString(2));
                    return null;
                }).list();
        return offered;
    }

    /** Whether the municipality offers every one of {@code services} on {@code day}. */
    public boolean offersAll(String municipalityNumber, Collection<MunicipalService> services, LocalDate day) {
        Set<String> have = offeredOn(day).getOrDefault(municipalityNumber, Set.of());
        return services.stream().allMatch(s -> have.contains(s.code()));
    }

    /** Records that the municipality offers the service from {@code validFrom} (to {@code validTo}, or until further notice). */
    @Transactional
    public CommandResult<Long> record(Actor actor, String municipalityNumber, MunicipalService service, LocalDate validFrom,
                                      LocalDate validTo, String note) {
        if (municipalities.find(municipalityNumber).isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.municipality.unknown", municipalityNumber));
        }
        if (!mayKeep(actor, municipalityNumber)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (service == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("service", "error.services.service"));
        }
        if (validFrom == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("validFrom", "error.date.required"));
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("validTo", "error.services.toBeforeFrom"));
        }
        if (note != null && note.length() > 500) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("note", "error.text.tooLong", 500));
        }
        int overlapping = jdbc.sql("""
                select count(*) from municipality_service where municipality_number = :m and service = :s
                  and (valid_to is null or valid_to >= :from) and (cast(:to as date) is null or valid_from <= :to)
                """).param("m", municipalityNumber).param("s", service.code()).param("from", validFrom).param("to", validTo)
                .query(Integer.class).single();
        if (overlapping > 0) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("service", "error.services.overlap"));
        }
        long id = jdbc.sql("""
                insert into municipality_service (municipality_number, service, valid_from, valid_to, note, recorded_at, recorded_by)
                values (:m, :s, :from, :to, :note, :now, :by) returning id
                """).param("m", municipalityNumber).param("s", service.code()).param("from", validFrom).param("to", validTo)
                .param("note", note == null || note.isBlank() ? null : note.trim()).param("now", OffsetDateTime.now(clock))
                .param("by", actor.username()).query(Long.class).single();
        return CommandResult.ok(id);
    }

    /** Ends an entry: the service is no longer offered after {@code lastDay}. */
    @Transactional
    public CommandResult<Void> end(Actor actor, String municipalityNumber, long entryId, LocalDate lastDay) {
        Entry e = entries(municipalityNumber).stream().filter(x -> x.id() == entryId).findFirst().orElse(null);
        if (e == null) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.services.notFound", entryId));
        }
        if (!mayKeep(actor, municipalityNumber)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (lastDay == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("lastDay", "error.date.required"));
        }
        if (lastDay.isBefore(e.validFrom())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("lastDay", "error.services.toBeforeFrom"));
        }
        jdbc.sql("update municipality_service set valid_to = :d where id = :id").param("d", lastDay).param("id", entryId).update();
        return CommandResult.ok(null);
    }
}
