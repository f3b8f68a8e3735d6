package no.bosetting.architecture;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import no.bosetting.access.Transition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One shape for every transition (issue 19): every status of an aggregate has its commands as an enum implementing
 * {@link Transition} over it, and the transition histories are written by {@code access.HistoryTable} only, so the
 * guard order and the history row are the same code everywhere.
 */
class TransitionShapeTest {

    /** Status enums that are not an aggregate's state machine, each with why. */
    static final Map<String, String> NOT_STATE_MACHINES = Map.of(
            "no.bosetting.cases.PermitCsvImport$RowStatus", "the outcome of one row of an import file, not a stored state",
            "no.bosetting.housing.InstrumentStatus", "the municipality records another body's decision on a housing instrument "
                    + "and may correct it either way; there is no transition of its own to guard");

    /** Transition histories (occurred_at, actor, actor_role, command, from_status, to_status, reason). */
    static final Set<String> TRANSITION_HISTORIES = Set.of("case_history", "self_settlement_request_history", "reconsideration_history",
            "approval_history", "crisis_notification_history", "fast_track_history");

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("no.bosetting");

    @Test
    void everyStatusHasItsCommandsAsATransitionEnum() throws ClassNotFoundException {
        Set<String> statuses = new TreeSet<>();
        for (JavaClass c : MAIN) {
            if (c.isEnum() && c.getSimpleName().endsWith("Status") && !NOT_STATE_MACHINES.containsKey(c.getName())) {
                statuses.add(c.getName());
            }
        }
        Set<String> governed = new TreeSet<>();
        for (JavaClass c : MAIN) {
            if (c.isEnum() && c.isAssignableTo(Transition.class)) {
                governed.add(statusOf(Class.forName(c.getName())));
            }
        }
        assertThat(statuses).as("status enums").hasSizeGreaterThanOrEqualTo(9);
        assertThat(governed).as("statuses with a Transition enum (add one, or list the status in NOT_STATE_MACHINES with why)")
                .containsAll(statuses);
    }

    @Test
    void transitionHistoriesAreWrittenByTheOneHistoryWriter() throws IOException {
        Pattern insert = Pattern.compile("insert\\s+into\\s+(" + String.join("|", TRANSITION_HISTORIES) + ")\\b", Pattern.CASE_INSENSITIVE);
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (insert.matcher(Files.readString(file)).find()) {
                    offenders.add(file.toString());
                }
            }
        }
        assertThat(offenders).as("write history rows through access.HistoryTable").isEmpty();
    }

    private static String statusOf(Class<?> commands) {
        for (Type t : commands.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == Transition.class) {
                return ((Class<?>) p.getActualTypeArguments()[0]).getName();
            }
        }
        throw new IllegalStateException(commands + " implements Transition without its status type");
    }
}
