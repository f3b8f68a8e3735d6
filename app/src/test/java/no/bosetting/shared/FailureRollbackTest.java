package no.bosetting.shared;

import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One error channel: a command that writes and then fails leaves nothing behind, whether it returns the
 * failure or throws it, and a caller that handles a failure and carries on does not commit either.
 * The probe commands are proxied by the application's own auto-proxy creator, so they get the same
 * transaction advisor and failure advice, in the same order, as every command of the application.
 */
@IntegrationTest
class FailureRollbackTest {

    static final CommandFailure BROKEN = CommandFailure.RuleBroken.of("probe", "error.probe");
    static final CommandFailure OTHER = CommandFailure.RuleBroken.of("other", "error.other");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AutowireCapableBeanFactory beans;

    Probe probe;
    Probe inner;

    @BeforeEach
    void probes() {
        jdbc.sql("create table if not exists failure_rollback_probe (key text not null)").update();
        inner = (Probe) beans.initializeBean(new Probe(jdbc, null), "failureRollbackInnerProbe");
        probe = (Probe) beans.initializeBean(new Probe(jdbc, inner), "failureRollbackProbe");
    }

    @Test
    void theProbeIsAProxyAndASuccessCommits() {
        String key = key();
        assertThat(probe.getClass()).isNotEqualTo(Probe.class);
        assertThat(probe.writeThenSucceed(key).isSuccess()).isTrue();
        assertThat(rows(key)).isEqualTo(1);
    }

    @Test
    void aCommandThatWritesAndReturnsAFailureLeavesNothingBehind() {
        String key = key();
        CommandResult<Integer> result = probe.writeThenReturnFailure(key);
        assertThat(result.failure()).isEqualTo(BROKEN);
        assertThat(rows(key)).isZero();
    }

    @Test
    void aCommandThatWritesAndThrowsAFailureLeavesNothingBehind() {
        String key = key();
        CommandResult<Integer> result = CommandResult.attempt(() -> probe.writeThenThrowFailure(key));
        assertThat(result.failure()).isEqualTo(BROKEN);
        assertThat(rows(key)).isZero();
    }

    @Test
    void aCallerThatHandlesANestedFailureAndCarriesOnCommitsNothingAndGetsTheFailure() {
        String key = key();
        CommandResult<Integer> result = probe.writeHandleNestedFailureAndCarryOn(key);
        assertThat(result.failure()).isEqualTo(BROKEN);
        assertThat(rows(key)).isZero();
    }

    @Test
    void aCallerThatTurnsANestedFailureIntoItsOwnReturnsItsOwn() {
        String key = key();
        CommandResult<Integer> result = probe.writeAndReplaceNestedFailure(key);
        assertThat(result.failure()).isEqualTo(OTHER);
        assertThat(rows(key)).isZero();
    }

    @Test
    void aTransactionTemplateAroundAFailingCommandRollsBackAndAttemptGivesTheFailure() {
        String key = key();
        // As the demo runs each event: a command in its own TransactionTemplate transaction.
        CommandResult<Integer> result = CommandResult.attempt(() -> tx.execute(s -> {
            jdbc.sql("insert into failure_rollback_probe (key) values (:k)").param("k", key).update();
            return inner.mandatoryWriteThenReturnFailure(key);
        }));
        assertThat(result.failure()).isEqualTo(BROKEN);
        assertThat(rows(key)).isZero();
    }

    @Test
    void aTransactionTemplateThatIgnoresAFailureAndCarriesOnDoesNotCommit() {
        String key = key();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            inner.mandatoryWriteThenReturnFailure(key);
            jdbc.sql("insert into failure_rollback_probe (key) values (:k)").param("k", key).update();
        })).isInstanceOfSatisfying(CommandFailedException.class, e -> assertThat(e.failure()).isEqualTo(BROKEN));
        assertThat(rows(key)).isZero();
    }

    @Test
    void aFailureInATransactionOfItsOwnRollsBackOnlyThatTransaction() {
        String key = key();
        CommandResult<Integer> result = probe.writeAndCallFailingRequiresNew(key);
        assertThat(result.isSuccess()).isTrue();
        assertThat(rows(key)).as("the caller's write only").isEqualTo(1);
    }

    private static String key() {
        return "probe-" + Fixtures.next();
    }

    private int rows(String key) {
        return jdbc.sql("select count(*) from failure_rollback_probe where key = :k").param("k", key).query(Integer.class).single();
    }

    /** Commands that write a row and then succeed or fail. */
    public static class Probe {

        private final JdbcClient jdbc;
        private final Probe inner;

        public Probe(JdbcClient jdbc, Probe inner) {
            this.jdbc = jdbc;
            this.inner = inner;
        }

        private void write(String key) {
            jdbc.sql("insert into failure_rollback_probe (key) values (:k)").param("k", key).update();
        }

        @Transactional
        public CommandResult<Integer> writeThenSucceed(String key) {
            write(key);
            return CommandResult.ok(1);
        }

        @Transactional
        public CommandResult<Integer> writeThenReturnFailure(String key) {
            write(key);
            return CommandResult.fail(BROKEN);
        }

        @Transactional
        public CommandResult<Integer> writeThenThrowFailure(String key) {
            write(key);
            throw new CommandFailedException(BROKEN);
        }

        @Transactional(propagation = Propagation.MANDATORY)
        public CommandResult<Integer> mandatoryWriteThenReturnFailure(String key) {
            write(key);
            return CommandResult.fail(BROKEN);
        }

        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public CommandResult<Integer> requiresNewWriteThenReturnFailure(String key) {
            write(key);
            return CommandResult.fail(BROKEN);
        }

        @Transactional
        public CommandResult<Integer> writeHandleNestedFailureAndCarryOn(String key) {
            write(key);
            CommandResult<Integer> nested = inner.mandatoryWriteThenReturnFailure(key);
            assertThat(nested.isSuccess()).isFalse();
            write(key);
            return CommandResult.ok(2);
        }

        @Transactional
        public CommandResult<Integer> writeAndReplaceNestedFailure(String key) {
            write(key);
            inner.mandatoryWriteThenReturnFailure(key);
            return CommandResult.fail(OTHER);
        }

        @Transactional
        public CommandResult<Integer> writeAndCallFailingRequiresNew(String key) {
            write(key);
            inner.requiresNewWriteThenReturnFailure(key);
            return CommandResult.ok(1);
        }
    }
}
