package no.bosetting.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates show dates and times through the one formatting layer, {@code @time.format(…)} (shared.web.TimeFormat),
 * which shows points in time in Norwegian time. {@code #temporals.format} would show an OffsetDateTime read from the
 * database in UTC, so a save at 23:40 would be shown on the next day here and counted on this day there.
 */
class NoUtcTimestampsInTemplatesTest {

    private static final Pattern THYMELEAF_TEMPORALS = Pattern.compile("#temporals\\.\\w+\\(");

    @Test
    void noTemplateFormatsATimeWithoutTheOsloHelper() throws IOException {
        assertThat(offenders(Path.of("src/main/resources/templates")))
                .as("templates formatting dates or times with #temporals (use ${@time.format(x, 'dd.MM.yyyy HH:mm')})")
                .isEmpty();
    }

    @Test
    void thePatternFindsAFormatting() {
        assertThat(THYMELEAF_TEMPORALS.matcher("th:text=\"${#temporals.format(h.occurredAt(), 'dd.MM.yyyy HH:mm')}\"").find()).isTrue();
        assertThat(THYMELEAF_TEMPORALS.matcher("th:text=\"${@time.format(h.occurredAt(), 'dd.MM.yyyy HH:mm')}\"").find()).isFalse();
    }

    static List<String> offenders(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (THYMELEAF_TEMPORALS.matcher(lines.get(i)).find()) {
                        found.add(root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1));
                    }
                }
            }
        }
        return found;
    }
}
