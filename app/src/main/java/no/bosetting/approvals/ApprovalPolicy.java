package no.bosetting.approvals;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.TwoStepControl.Kind;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which decision kinds need a second person, as data the agency administrator changes on a page (no code changes).
 * The migrations switch every kind on (V52 the first four, V56 the household change beyond the places), as NAV would. The test profile starts with all off
 * ({@code bosetting.approvals.off-at-start=true}) so the many existing flows through these commands keep running at
 * once, and a test of two-step control switches its kind on through {@link #set}, as the administrator does.
 */
@Service
public class ApprovalPolicy implements ApplicationRunner {

    public record Setting(Kind kind, boolean required, OffsetDateTime updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean offAtStart;

    ApprovalPolicy(JdbcClient jdbc, Clock clock, @Value("${bosetting.approvals.off-at-start:false}") boolean offAtStart) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.offAtStart = offAtStart;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (offAtStart) {
            for (Kind kind : Kind.values()) {
                set(kind, false, Actor.system());
            }
        }
    }

    @Transactional(readOnly = true)
    public boolean required(Kind kind) {
        return jdbc.sql("select required from approval_policy where kind = :k").param("k", kind.name())
                .query(Boolean.class).optional().orElse(true);
    }

    @Transactional(readOnly = true)
    public Map<Kind, Setting> all() {
        Map<Kind, Setting> all = new EnumMap<>(Kind.class);
        jdbc.sql("select kind, required, updated_at, updated_by from approval_policy order by kind")
                .query((rs, n) -> all.put(Kind.valueOf(rs.getString(1)), new Setting(Kind.valueOf(rs.getString(1)),
                        rs.getBoolean(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4))))
                .list();
        return all;
    }

    /** Switches two-step control for a kind on or off; the agency administrator only. */
    @Transactional
    public CommandResult<Boolean> set(Kind kind, boolean required, Actor actor) {
        if (actor.role() != Role.AGENCY_ADMIN) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (kind == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("kind", "error.approval.kind"));
        }
        jdbc.sql("update approval_policy set required = :r, updated_at = :now, updated_by = :by where kind = :k and required <> :r")
                .param("r", required).param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .param("k", kind.name()).update();
        return CommandResult.ok(required);
    }
}
