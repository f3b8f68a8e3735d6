package no.bosetting.selfservice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.cases.CaseQueries;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.Identifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refugee sign-in with a DUF number and a one-time code (the demo and test profiles; production signs
 * refugees in through ID-porten). A code has six digits, is stored only as a salted hash, lives ten
 * minutes, allows five attempts, and a new code replaces the old one; a DUF number gets at most three
 * codes in fifteen minutes. A DUF number without a case may sign in (they can apply before the permit).
 */
@Service
public class RefugeeSignIn {

    private static final Logger log = LoggerFactory.getLogger(RefugeeSignIn.class);

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;
    public static final int MAX_CODES = 3;
    public static final Duration RATE_WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CaseQueries cases;
    private final PersonAccessLog accessLog;
    private final boolean demoMailbox;
    private final SecureRandom random = new SecureRandom();

    public RefugeeSignIn(JdbcClient jdbc, Clock clock, CaseQueries cases, PersonAccessLog accessLog, Environment environment,
                         TransactionTemplate tx, @Value("${bosetting.refugee-login.demo-mailbox:true}") boolean demoMailbox) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.cases = cases;
        this.accessLog = accessLog;
        // Never in production, whatever the configuration says.
        this.demoMailbox = demoMailbox && !environment.acceptsProfiles(Profiles.of("prod"));
    }

    public boolean demoMailbox() {
        return demoMailbox;
    }

    /** Creates a new code for the DUF number and "sends" it (demo mailbox and log); replaces any earlier code. */
    @Transactional
    public CommandResult<String> requestCode(String dufNumber) {
        String duf = dufNumber == null ? null : dufNumber.replace(" ", "").trim();
        if (duf != null && duf.matches("\\d{11}")) {
            // A national identity number or D-number (mod-11 checked), now or earlier: signs in the person who has it.
            Optional<String> numberError = Identifiers.elevenDigitError(duf);
            if (numberError.isPresent()) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("dufNumber", numberError.get(), duf));
            }
            Optional<String> known = cases.dufForNationalId(duf);
            if (known.isEmpty()) {
                // Answered as for any number, so the page does not tell whose numbers exist; no code is made.
                return CommandResult.ok(duf);
            }
            duf = known.get();
        }
        Optional<String> error = Identifiers.dufNumberError(duf);
        if (error.isPresent()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("dufNumber", error.get()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Serialise requests for the same DUF number so the rate limit cannot be raced.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:d))").param("d", "refugee-login:" + duf).query((rs, n) -> 1).list();
        long recent = jdbc.sql("select count(*) from refugee_login_code where duf_number = :d and created_at > :since")
                .param("d", duf).param("since", now.minus(RATE_WINDOW)).query(Long.class).single();
        if (recent >= MAX_CODES) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("dufNumber", "self.error.rateLimited", RATE_WINDOW.toMinutes()));
        }
        jdbc.sql("update refugee_login_code set status = 'REPLACED', updated_at = :now, updated_by = 'system' where duf_number = :d and status = 'ACTIVE'")
                .param("d", duf).param("now", now).update();
        String code = String.format("%06d", random.nextInt(1_000_000));
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        jdbc.sql("""
                insert into refugee_login_code (duf_number, code_salt, code_hash, expires_at, attempts, status, demo_code,
                    created_at, created_by, updated_at, updated_by)
                values (:d, :salt, :hash, :exp, 0, 'ACTIVE', :demo, :now, 'system', :now, 'system')
                """)
                .param("d", duf).param("salt", salt).param("hash", hash(salt, code)).param("exp", now.plus(VALIDITY))
                .param("demo", demoMailbox ? code : null).param("now", now).update();
        if (demoMailbox) {
            log.info("Demo: one-time code for DUF {} is {} (valid {} minutes)", duf, code, VALIDITY.toMinutes());
        }
        return CommandResult.ok(duf);
    }

    /**
     * Checks a code; on success the code is used up and the refugee's actor returned. A wrong code counts against
     * the code even though the sign-in fails: the check commits what it wrote (the count, the lock) and only then is
     * its refusal returned, since a returned failure rolls its transaction back.
     */
    public CommandResult<Actor> verify(String dufNumber, String code) {
        String entered = code == null ? "" : code.replace(" ", "").trim();
        if (!entered.matches("\\d{6}")) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("code", "self.error.codeFormat"));
        }
        Checked checked = tx.execute(status -> check(dufNumber, entered));
        return checked.actor() != null ? CommandResult.ok(checked.actor()) : CommandResult.fail(checked.refusal());
    }

    /** The outcome of a code check: the refugee's actor, or why the sign-in is refused. */
    private record Checked(Actor actor, CommandFailure refusal) {

        static Checked refused(CommandFailure refusal) {
            return new Checked(null, refusal);
        }
    }

    private Checked check(String dufNumber, String entered) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Row> found = jdbc.sql("""
                select id, code_salt, code_hash, expires_at, attempts from refugee_login_code
                where duf_number = :d and status = 'ACTIVE' order by created_at desc, id desc limit 1 for update
                """)
                .param("d", dufNumber)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getInt(5)))
                .optional();
        if (found.isEmpty()) {
            return Checked.refused(CommandFailure.RuleBroken.of("code", "self.error.codeNone"));
        }
        Row row = found.get();
        if (!now.isBefore(row.expiresAt())) {
            return Checked.refused(CommandFailure.RuleBroken.of("code", "self.error.codeExpired"));
        }
        if (!MessageDigest.isEqual(hash(row.salt(), entered).getBytes(StandardCharsets.US_ASCII),
                row.hash().getBytes(StandardCharsets.US_ASCII))) {
            int attempts = row.attempts() + 1;
            boolean locked = attempts >= MAX_ATTEMPTS;
            jdbc.sql("update refugee_login_code set attempts = :a, status = :s, updated_at = :now, updated_by = 'system' where id = :id")
                    .param("a", attempts).param("s", locked ? "LOCKED" : "ACTIVE").param("now", now).param("id", row.id()).update();
            return Checked.refused(locked
                    ? CommandFailure.RuleBroken.of("code", "self.error.tooManyAttempts")
                    : CommandFailure.RuleBroken.of("code", "self.error.codeWrong", MAX_ATTEMPTS - attempts));
        }
        jdbc.sql("update refugee_login_code set status = 'USED', demo_code = null, updated_at = :now, updated_by = 'system' where id = :id")
                .param("now", now).param("id", row.id()).update();
        Optional<java.util.Map.Entry<Long, String>> person = cases.personForDuf(dufNumber);
        Actor actor = Actor.refugee(dufNumber, person.map(java.util.Map.Entry::getValue).orElse("DUF " + dufNumber));
        person.ifPresent(p -> accessLog.recordRead(actor, List.of(p.getKey()), "min side innlogging"));
        return new Checked(actor, null);
    }

    /** The demo mailbox: the latest valid codes per DUF number; empty unless the demo mailbox is on. */
    public List<DemoCode> demoCodes() {
        if (!demoMailbox) {
            return List.of();
        }
        return jdbc.sql("""
                select duf_number, demo_code, created_at, expires_at from refugee_login_code
                where status = 'ACTIVE' and demo_code is not null and expires_at > :now
                order by created_at desc, id desc limit 20
                """)
                .param("now", OffsetDateTime.now(clock))
                .query((rs, n) -> new DemoCode(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    /** DUF numbers of demo households, for the demo sign-in page only. */
    public List<String> exampleDufNumbers() {
        return demoMailbox ? cases.exampleDufNumbers(5) : List.of();
    }

    static String hash(String salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((salt + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record DemoCode(String dufNumber, String code, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
    }

    private record Row(long id, String salt, String hash, OffsetDateTime expiresAt, int attempts) {
    }
}
