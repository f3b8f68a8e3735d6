package no.bosetting.deadlines;

import java.time.Duration;
import java.util.Optional;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler's health reads ShedLock's row, which ShedLock writes in UTC wall time while every session here runs in
 * Norwegian time: a run just now must read as just now (it read as an hour or two old, and /actuator/health/scheduler
 * was DOWN on every real start; found by bin/two-nodes).
 */
@IntegrationTest
class SchedulerMonitorTest {

    @Autowired
    LockProvider locks;
    @Autowired
    SchedulerMonitor monitor;

    @Test
    void aRunJustNowIsSecondsAgo() {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(ClockProvider.now(), DeadlineScheduler.LOCK_NAME,
                Duration.ofSeconds(30), Duration.ZERO));
        lock.ifPresent(SimpleLock::unlock);
        assertThat(monitor.sinceLastRun()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(60)));
    }
}
