package no.bosetting.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.shared.CommandFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The identity numbers a person has had, each with the dates it was valid and who recorded it (table
 * {@code person_identity}); the person row keeps the current ones. A number belongs to one person only, ever: a
 * number anyone has had is refused for anybody else. A national identity number replaces the D-number (its history
 * row ends the day before), and a new number of a kind ends the earlier one of that kind.
 */
@Component
public class IdentityNumbers {

    private final JdbcClient jdbc;
    private final Clock clock;

    IdentityNumbers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One number a person has had. */
    public record IdentityRecord(long personId, IdentityKind kind, String value, LocalDate validFrom, LocalDate validTo,
                                 String reason, OffsetDateTime recordedAt, String recordedBy) {

        public boolean current() {
            return validTo == null;
        }
    }

    /** The first problem with {@code value} as a new number of {@code kind}: its form (mod-11), or that someone has it. */
    Optional<CommandFailure> problem(IdentityKind kind, String value, String field) {
        Optional<String> error = kind.error(value);
        if (error.isPresent()) {
            return Optional.of(CommandFailure.RuleBroken.of(field, error.get(), value == null ? "" : value));
        }
        if (taken(value)) {
            return Optional.of(CommandFailure.RuleBroken.of(field, "error.identity.duplicate", value));
        }
        return Optional.empty();
    }

    /** Whether anyone has or has had the number. */
    boolean taken(String value) {
        return jdbc.sql("""
                select exists (select 1 from person_identity where value = :v)
                    or exists (select 1 from person where duf_number = :v or national_id = :v or d_number = :v)
                """).param("v", value).query(Boolean.class).single();
    }

    /** The numbers a person came with (a permit, a new member), valid from {@code from}. */
    void recordInitial(long personId, String duf, String dNumber, String nationalId, LocalDate from, Actor actor) {
        insert(personId, IdentityKind.DUF, duf, from, null, actor);
        if (dNumber != null) {
            insert(personId, IdentityKind.D_NUMBER, dNumber, from, null, actor);
        }
        if (nationalId != null) {
            insert(personId, IdentityKind.NATIONAL_ID, nationalId, from, null, actor);
        }
    }

    /**
     * Records a new number from {@code from}: the current number of the kind (and for a national identity number the
     * D-number it replaces) ends the day before; the person row gets the current numbers. Returns what it replaced.
     */
    List<IdentityRecord> register(long personId, IdentityKind kind, String value, LocalDate from, String reason, Actor actor) {
        List<IdentityRecord> replaced = history(personId).stream().filter(IdentityRecord::current)
                .filter(r -> r.kind() == kind || kind == IdentityKind.NATIONAL_ID && r.kind() == IdentityKind.D_NUMBER)
                .toList();
        jdbc.sql("""
                update person_identity set valid_to = :to where person_id = :p and valid_to is null
                    and (kind = :k or (:k = 'NATIONAL_ID' and kind = 'D_NUMBER'))
                """)
                .param("to", from.minusDays(1)).param("p", personId).param("k", kind.name()).update();
        insert(personId, kind, value, from, reason, actor);
        String column = switch (kind) {
            case DUF -> "duf_number";
            case D_NUMBER -> "d_number";
            case NATIONAL_ID -> "national_id";
        };
        String alsoClear = kind == IdentityKind.NATIONAL_ID ? ", d_number = null" : "";
        jdbc.sql("update person set " + column + " = :v" + alsoClear + ", updated_at = :now, updated_by = :by where id = :p")
                .param("v", value).param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("p", personId)
                .update();
        return replaced;
    }

    private void insert(long personId, IdentityKind kind, String value, LocalDate from, String reason, Actor actor) {
        jdbc.sql("""
                insert into person_identity (person_id, kind, value, valid_from, reason, recorded_at, recorded_by)
                values (:p, :k, :v, :from, :reason, :now, :by)
                """)
                .param("p", personId).param("k", kind.name()).param("v", value.trim()).param("from", from)
                .param("reason", reason).param("now", OffsetDateTime.now(clock)).param("by", actor.username()).update();
    }

    /** Every number the person has had, by kind and date. */
    public List<IdentityRecord> history(long personId) {
        return jdbc.sql("""
                select person_id, kind, value, valid_from, valid_to, reason, recorded_at, recorded_by from person_identity
                where person_id = :p order by kind, valid_from, id
                """)
                .param("p", personId)
                .query((rs, n) -> new IdentityRecord(rs.getLong(1), IdentityKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class), rs.getString(8)))
                .list();
    }

    /**
     * The DUF number (current) of the person who has or has had {@code number} as any of their numbers, for signing in
     * and searching with whichever number the person knows. A removed member is no longer found.
     */
    public Optional<String> dufForAnyNumber(String number) {
        String value = IdentityKind.normalise(number);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select p.duf_number from person p where p.removed_on is null and (p.duf_number = :v or p.national_id = :v
                    or p.d_number = :v or p.id in (select person_id from person_identity where value = :v))
                order by p.id desc limit 1
                """)
                .param("v", value).query(String.class).optional().map(String::trim);
    }

    /** Whether anyone has or has had the number (for choosing a free one). */
    public boolean isTaken(String value) {
        return taken(value);
    }

    /** Today, from the clock (for callers in this package). */
    LocalDate today() {
        return LocalDate.now(clock);
    }
}
