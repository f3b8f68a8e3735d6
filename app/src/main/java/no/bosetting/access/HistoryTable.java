package no.bosetting.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An aggregate's transition history (who, role, when, command, from → to, reason), written by the same code for
 * every aggregate. Each history table has the columns {@code occurred_at, actor, actor_role, command, from_status,
 * to_status, reason} and a column naming the aggregate; the owning module declares its table as a constant.
 *
 * @param table    the history table, owned by the module that declares it
 * @param idColumn the column that names the aggregate
 */
public record HistoryTable(String table, String idColumn) {

    private static final Pattern NAME = Pattern.compile("[a-z_]+");

    public HistoryTable {
        // Names are spliced into SQL, so they come from code only and are plain identifiers.
        if (!NAME.matcher(table).matches() || !NAME.matcher(idColumn).matches()) {
            throw new IllegalArgumentException("Not a table or column name: " + table + "." + idColumn);
        }
    }

    /** Appends one transition; {@code from} is null for the first state, {@code to} the state after it. */
    public void append(JdbcClient jdbc, Clock clock, long id, Actor actor, Transition<?> command, Enum<?> from, Enum<?> to,
                       String reason) {
        append(jdbc, clock, id, actor, command.name(), from, to, reason);
    }

    /** Appends one history row for a command that is not a {@link Transition} (a registration, an import). */
    public void append(JdbcClient jdbc, Clock clock, long id, Actor actor, String command, Enum<?> from, Enum<?> to,
                       String reason) {
        jdbc.sql("insert into " + table + " (" + idColumn + ", occurred_at, actor, actor_role, command, from_status, to_status, reason)"
                        + " values (:id, :at, :actor, :role, :command, :from, :to, :reason)")
                .param("id", id).param("at", OffsetDateTime.now(clock)).param("actor", actor.username())
                .param("role", actor.role().name()).param("command", command)
                .param("from", from == null ? null : from.name()).param("to", to.name())
                .param("reason", reason == null || reason.isBlank() ? null : reason.trim())
                .update();
    }
}
