package no.bosetting.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 2022 replay of the demo (issue 18 item 2), scaled down to 24 households: crisis mode on with its temporary scheme,
 * the March revision (×35 000/5 500), the surge living privately or under the scheme, short interviews, notifications and
 * joint fast-track applications — all through the real commands — and the figures it prints agree with what it did.
 */
@IntegrationTest
class Crisis2022ReplayTest {

    /** Municipalities no other test uses; a far year no other test plans, so the revision is this test's own. */
    static final List<String> MUNICIPALITIES = List.of("1539", "1554");

    @Autowired
    Crisis2022Replay replay;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void noCrisis() {
        jdbc.sql("delete from crisis_period").update();
    }

    @Test
    void theReplayRunsSmallThroughTheCommandsAndPrintsItsFigures() {
        LocalDate today = TestClock.today();
        for (String m : MUNICIPALITIES) {
            fixtures.resetMunicipality(m);
            fixtures.decide(m, today.getYear(), 200, 0);
            fixtures.decidePlannedYear(m, today.plusDays(60), 200, 0);
        }
        int year = today.getYear() + 40;

        Crisis2022Replay.Figures f = replay.run(Fixtures.next(), 24, MUNICIPALITIES, year);
        System.out.println("[demo] 2022 replay figures: " + f.counts() + " national: " + f.national().orElse(null));

        assertThat(f.counts().keySet()).as("nothing refused").noneMatch(k -> k.startsWith("refused"));
        assertThat(f.get("crisis mode switched on")).isEqualTo(1);
        assertThat(f.get("national need after the revision"))
                .isEqualTo(Math.round(f.get("national need before the revision") * 35_000.0 / 5_500.0));
        long scheme = f.get("households under the temporary scheme");
        assertThat(scheme + f.get("households living privately")).isEqualTo(24);
        assertThat(scheme).isPositive();
        assertThat(f.get("short interviews")).isEqualTo(scheme);
        assertThat(f.get("notifications sent")).isPositive();
        assertThat(f.get("fast-track applications started")).isPositive()
                .isEqualTo(f.get("fast-track applications signed by the municipality"))
                .isEqualTo(f.get("fast-track applications accepted"));
        CrisisFiguresCheck.check(f, scheme);
    }

    /** The national figures the replay prints: crisis mode is on, and they count at least what this replay made. */
    static final class CrisisFiguresCheck {
        static void check(Crisis2022Replay.Figures f, long scheme) {
            var n = f.national().orElseThrow();
            assertThat(n.schemeName()).isEqualTo("MAMOT (gjenspill)");
            assertThat(n.fastTrackSinceStart()).isGreaterThanOrEqualTo(f.get("fast-track applications accepted"));
            assertThat(n.underSchemePersons()).isPositive();
            assertThat(n.settledSinceStart()).isGreaterThanOrEqualTo(f.get("persons settled after a fast track"));
            assertThat(n.waitingPersons()).isGreaterThanOrEqualTo(n.underSchemePersons());
            assertThat(n.days()).hasSize(14);
        }
    }
}
