package no.bosetting.demo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoProgressTest {

    @Test
    void aLineEveryFiveSecondsSayingHowFarAndHowLongIsLeft() {
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        DemoProgress progress = new DemoProgress(15_036, () -> now[0], lines::add);

        for (int i = 0; i < 4_000; i++) {
            now[0] += 1_000_000L; // 1 ms an event: 4 s for 4 000 events, no line yet
            progress.step();
        }
        assertThat(lines).isEmpty();
        for (int i = 0; i < 1_012; i++) {
            now[0] += 1_000_000L;
            progress.step();
        }

        assertThat(lines).containsExactly("Demo data: 5 000 of 15 036 events (33 %) in 5 s, about 10 s left");
    }

    /** Issue 22 item 1: the history's years say which year they are at. */
    @Test
    void theHistoryNamesItsYear() {
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        DemoProgress progress = new DemoProgress("Demo history 2022", 2_000, () -> now[0], lines::add);
        for (int i = 0; i < 1_000; i++) {
            now[0] += 5_000_000L;
            progress.step();
        }
        assertThat(lines).containsExactly("Demo history 2022: 1 000 of 2 000 events (50 %) in 5 s, about 5 s left");
    }

    @Test
    void noGuessOfTimeLeftBeforeOnePerCentIsDone() {
        DemoProgress.SILENT.step();
        assertThat(DemoProgress.line(1, 15_042, 5_000_000_000L)).as("no guess before one per cent is done")
                .isEqualTo("Demo data: 1 of 15 042 events (0 %) in 5 s");
    }
}
