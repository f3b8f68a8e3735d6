package no.bosetting.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates ask what may be done ({@code validCommands}, see {@code access.Transition}) instead of comparing status
 * names: a template that decides which buttons to show from {@code status().name() == '…'} repeats the aggregate's
 * rule and drifts from it. The templates that still do are listed with their count; the list may only shrink.
 */
class NoStatusNamesInTemplatesTest {

    private static final Pattern STATUS_NAME_COMPARED = Pattern.compile("status(\\(\\))?\\.name\\(\\)\\s*(==|!=)");

    /** Known comparisons, per template; may only shrink. */
    static final Map<String, Integer> RATCHET = Map.of();

    @Test
    void noTemplateComparesAStatusNameBeyondTheRatchet() throws IOException {
        Map<String, Integer> found = comparisons(Path.of("src/main/resources/templates"));
        assertThat(found).as("templates comparing status names (ask validCommands instead)")
                .allSatisfy((template, count) -> assertThat(count).as(template).isLessThanOrEqualTo(RATCHET.getOrDefault(template, 0)));
        // A template that improved must be taken off (or down in) the list, so the ratchet keeps shrinking.
        assertThat(RATCHET).allSatisfy((template, count) -> assertThat(found.getOrDefault(template, 0))
                .as("%s compares fewer status names now: lower its entry in RATCHET", template).isEqualTo(count));
    }

    @Test
    void thePatternFindsAComparison() {
        assertThat(STATUS_NAME_COMPARED.matcher("th:if=\"${p.status().name() == 'PENDING'}\"").find()).isTrue();
        assertThat(STATUS_NAME_COMPARED.matcher("th:if=\"${commands.contains('ACCEPT')}\"").find()).isFalse();
    }

    static Map<String, Integer> comparisons(Path root) throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = STATUS_NAME_COMPARED.matcher(Files.readString(file));
                int count = 0;
                while (m.find()) {
                    count++;
                }
                if (count > 0) {
                    found.put(root.relativize(file).toString().replace('\\', '/'), count);
                }
            }
        }
        return found;
    }
}
