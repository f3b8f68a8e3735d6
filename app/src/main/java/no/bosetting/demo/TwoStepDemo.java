package no.bosetting.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.TwoStepControl;
import no.bosetting.access.UserAccounts;
import no.bosetting.approvals.ApprovalPolicy;
import no.bosetting.approvals.Approvals;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CloseReason;
import no.bosetting.shared.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two-step control in the demo (issue 18 item 5), through the same hook and commands as the case page: the caseworker
 * {@code saksbehandler} proposes closing two cases for reasons other than the refugee's own choice; one waits for
 * approval ("Til godkjenning"), the other is approved by the second caseworker {@code saksbehandler2}, so the case is
 * closed and its history shows both persons. The closing kind is on while this runs (the migration's default; a
 * profile that switched it off gets its setting back afterwards).
 */
@Component
@Profile("!prod")
class TwoStepDemo {

    private static final Logger log = LoggerFactory.getLogger(TwoStepDemo.class);

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final ApprovalPolicy policy;
    private final Approvals approvals;
    private final CaseCommands cases;

    TwoStepDemo(JdbcClient jdbc, UserAccounts users, ApprovalPolicy policy, Approvals approvals, CaseCommands cases) {
        this.jdbc = jdbc;
        this.users = users;
        this.policy = policy;
        this.approvals = approvals;
        this.cases = cases;
    }

    void run(String prefix) {
        Optional<Actor> proposer = users.findActor("saksbehandler");
        Optional<Actor> second = users.findActor("saksbehandler2");
        Optional<Actor> admin = users.findActor("admin");
        if (proposer.isEmpty() || second.isEmpty() || admin.isEmpty()) {
            log.info("Demo two-step control: the demo caseworkers or administrator are missing; skipped");
            return;
        }
        boolean was = policy.required(TwoStepControl.Kind.CLOSE_CASE);
        policy.set(TwoStepControl.Kind.CLOSE_CASE, true, admin.get()).value();
        try {
            List<Long> ids = jdbc.sql("""
                    select id from settlement_case where permit_reference like :p and status = 'UNDER_MAPPING'
                    order by id desc limit 2
                    """).param("p", prefix + "%").query(Long.class).list();
            if (ids.size() < 2) {
                log.info("Demo two-step control: fewer than two cases under mapping; skipped");
                return;
            }
            propose(ids.get(0), proposer.get(), CloseReason.LEFT_NORWAY, "Mottaket melder at familien har reist til Sverige");
            propose(ids.get(1), proposer.get(), CloseReason.PERMIT_REVOKED, "UDI har tilbakekalt oppholdstillatelsen")
                    .ifPresent(id -> {
                        CommandResult<?> approved = approvals.approve(id, second.get());
                        if (!approved.isSuccess()) {
                            log.warn("Demo two-step control: approval {} refused: {}", id, approved.failure());
                        }
                    });
            log.info("Demo two-step control: case {} awaits approval, case {} closed after approval", ids.get(0), ids.get(1));
        } finally {
            policy.set(TwoStepControl.Kind.CLOSE_CASE, was, admin.get()).value();
        }
    }

    private Optional<Long> propose(long caseId, Actor actor, CloseReason reason, String text) {
        CommandResult<?> held = approvals.orNow(TwoStepControl.Kind.CLOSE_CASE, caseId, actor,
                Map.of("closeReason", reason.name(), "text", text), () -> cases.close(caseId, actor, reason, text, null));
        if (held.isSuccess() && held.value() instanceof TwoStepControl.Held h) {
            return Optional.of(h.approvalId());
        }
        log.warn("Demo two-step control: closing case {} was not held: {}", caseId, held.isSuccess() ? held.value() : held.failure());
        return Optional.empty();
    }
}
