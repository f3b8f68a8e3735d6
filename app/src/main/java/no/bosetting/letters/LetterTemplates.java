package no.bosetting.letters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.letters.internal.LetterText;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letter templates, per kind and language, versioned: every save is a new version with who and
 * when; the newest is used for new letters; older versions stay readable.
 */
@Service
public class LetterTemplates {

    private static final String COLUMNS = "id, kind, language, version, title, body, created_at, created_by";

    private final JdbcClient jdbc;
    private final Clock clock;

    public LetterTemplates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The version in use of every kind and language. */
    public List<LetterTemplate> current() {
        return jdbc.sql("select distinct on (kind, language) " + COLUMNS
                        + " from letter_template order by kind, language, version desc")
                .query((rs, n) -> map(rs)).list();
    }

    public Optional<LetterTemplate> current(LetterKind kind, String language) {
        return jdbc.sql("select " + COLUMNS + " from letter_template where kind = :k and language = :l order by version desc limit 1")
                .param("k", kind.name()).param("l", language).query((rs, n) -> map(rs)).optional();
    }

    public Optional<LetterTemplate> version(LetterKind kind, String language, int version) {
        return jdbc.sql("select " + COLUMNS + " from letter_template where kind = :k and language = :l and version = :v")
                .param("k", kind.name()).param("l", language).param("v", version).query((rs, n) -> map(rs)).optional();
    }

    /** Every version, newest first. */
    public List<LetterTemplate> history(LetterKind kind, String language) {
        return jdbc.sql("select " + COLUMNS + " from letter_template where kind = :k and language = :l order by version desc")
                .param("k", kind.name()).param("l", language).query((rs, n) -> map(rs)).list();
    }

    public List<FieldProblem> validate(LetterKind kind, String title, String body) {
        return LetterText.validate(kind, title, body);
    }

    /**
     * Saves a new version. Only an agency administrator may; the text must use known placeholders and
     * the required ones. An unchanged text makes no new version.
     */
    @Transactional
    public CommandResult<LetterTemplate> save(Actor actor, LetterKind kind, String language, String title, String body) {
        if (!actor.is(Role.AGENCY_ADMIN)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("letters.error.adminOnly"));
        }
        if (kind == null || !kind.languages().contains(language)) {
            return CommandResult.fail(CommandFailure.NotFound.of("letters.error.templateNotFound"));
        }
        List<FieldProblem> problems = validate(kind, title, body);
        if (!problems.isEmpty()) {
            FieldProblem first = problems.get(0);
            return CommandResult.fail(CommandFailure.RuleBroken.of(first.field(), first.messageKey(), first.args().toArray()));
        }
        // Serialises two saves of the same template, so versions never collide.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('letter_template:' || :k || ':' || :l))")
                .param("k", kind.name()).param("l", language).query((rs, n) -> 1).list();
        Optional<LetterTemplate> latest = current(kind, language);
        String cleanBody = body.replace("\r\n", "\n").strip();
        String cleanTitle = title.strip();
        if (latest.isPresent() && latest.get().body().equals(cleanBody) && latest.get().title().equals(cleanTitle)) {
            return CommandResult.ok(latest.get());
        }
        int version = latest.map(t -> t.version() + 1).orElse(1);
        long id = jdbc.sql("""
                        insert into letter_template (kind, language, version, title, body, created_at, created_by)
                        values (:k, :l, :v, :t, :b, :now, :by) returning id
                        """)
                .param("k", kind.name()).param("l", language).param("v", version).param("t", cleanTitle).param("b", cleanBody)
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).query(Long.class).single();
        return CommandResult.ok(jdbc.sql("select " + COLUMNS + " from letter_template where id = :id").param("id", id)
                .query((rs, n) -> map(rs)).single());
    }

    static LetterTemplate map(ResultSet rs) throws SQLException {
        return new LetterTemplate(rs.getLong("id"), LetterKind.valueOf(rs.getString("kind")), rs.getString("language"),
                rs.getInt("version"), rs.getString("title"), rs.getString("body"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }
}
