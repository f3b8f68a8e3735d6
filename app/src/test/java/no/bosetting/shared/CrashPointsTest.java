package no.bosetting.shared;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** bin/crash-test's pauses (issue 22 item 5) exist only in the crash-test profile; elsewhere the property is ignored. */
class CrashPointsTest {

    @Test
    void thePauseIsIgnoredOutsideTheCrashTestProfile() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod", "cluster");
        CrashPoints points = new CrashPoints(prod, 60_000);
        assertThat(points.active()).isFalse();
        long started = System.nanoTime();
        points.reached("acceptance", 1);
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
        assertThat(CrashPoints.NONE.active()).isFalse();
    }

    @Test
    void theCrashTestProfilePausesAtEachPoint() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("cluster", "crash-test");
        CrashPoints points = new CrashPoints(env, 50);
        assertThat(points.active()).isTrue();
        long started = System.nanoTime();
        points.reached("e-mail dispatch", 7);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(50_000_000L);
        assertThat(new CrashPoints(env, 0).active()).isFalse();
    }
}
