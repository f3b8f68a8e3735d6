package no.bosetting.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No class in {@code app} is over 500 lines (issue 19): a newcomer should be able to read a class through and know
 * its one job. A class that grows past the limit is split by job into parts named from the domain (as
 * {@code MessageThreads}, {@code ThreadMessages}, {@code MessageAttachments} and {@code MessageInbox} were), not cut
 * at an arbitrary line.
 */
class ClassSizeTest {

    static final int MAX_LINES = 500;

    @Test
    void noSourceFileIsOverFiveHundredLines() throws IOException {
        Map<String, Integer> lines = lineCounts(Path.of("src/main/java"));
        assertThat(lines).as("source files under src/main/java").isNotEmpty();
        Map<String, Integer> over = new TreeMap<>();
        lines.forEach((file, count) -> {
            if (count > MAX_LINES) {
                over.put(file, count);
            }
        });
        assertThat(over).as("files over %d lines (split each by job), with their line counts", MAX_LINES).isEmpty();
    }

    static Map<String, Integer> lineCounts(Path root) throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                found.put(root.relativize(file).toString().replace('\\', '/'), lines.size());
            }
        }
        return found;
    }
}
