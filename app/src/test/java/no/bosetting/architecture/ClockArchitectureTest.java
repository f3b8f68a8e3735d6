package no.bosetting.architecture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time comes from the injected {@link Clock}, in production code and in tests alike: a class that reads the
 * system clock itself breaks at a year, month or midnight boundary, and cannot be run on a chosen date
 * ({@code -Dbosetting.test.today}). Imports {@code app}'s main and test classes from the class path.
 */
class ClockArchitectureTest {

    /** The only places allowed to read the system clock, each with why. */
    static final Set<String> ALLOWED = Set.of(
            // The application's Clock bean: the one place production time enters.
            "no.bosetting.shared.TimeConfig",
            // The tests' clock: anchors the chosen test date against real time once.
            "no.bosetting.support.TestClock");

    private static final List<Class<?>> DATE_TYPES = List.of(LocalDate.class, LocalDateTime.class, LocalTime.class,
            Instant.class, ZonedDateTime.class, OffsetDateTime.class, Year.class, YearMonth.class);

    static final JavaClasses CLASSES = new ClassFileImporter().importPackages("no.bosetting");

    /** {@code X.now()}, {@code X.now(zone)}, {@code Clock.system*()}, {@code new Date()}, {@code System.currentTimeMillis()}. */
    static boolean readsSystemClock(JavaCall<?> call) {
        String owner = call.getTarget().getOwner().getName();
        String name = call.getTarget().getName();
        List<String> params = call.getTarget().getParameterTypes().stream().map(t -> t.getName()).toList();
        boolean dateType = DATE_TYPES.stream().anyMatch(t -> t.getName().equals(owner));
        if (dateType && name.equals("now")) {
            return params.isEmpty() || params.equals(List.of(ZoneId.class.getName()));
        }
        if (owner.equals(Clock.class.getName()) && name.startsWith("system")) {
            return true;
        }
        if (owner.equals(Date.class.getName()) && name.equals("<init>") && params.isEmpty()) {
            return true;
        }
        return owner.equals(System.class.getName()) && name.equals("currentTimeMillis");
    }

    static java.util.stream.Stream<JavaCall<?>> calls(JavaClass c) {
        return java.util.stream.Stream.concat(c.getMethodCallsFromSelf().stream(), c.getConstructorCallsFromSelf().stream());
    }

    static final ArchCondition<JavaClass> NOT_READ_THE_SYSTEM_CLOCK = new ArchCondition<>("not read the system clock") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
            calls(item)
                    .filter(ClockArchitectureTest::readsSystemClock)
                    .forEach(call -> events.add(SimpleConditionEvent.violated(call,
                            call.getDescription() + " — take time from the injected Clock (TestClock in tests)")));
        }
    };

    @Test
    void noClassReadsTheSystemClockExceptTheClockConfiguration() {
        classes().that(DescribedPredicate.describe("are not allowed to read the system clock",
                        (JavaClass c) -> !ALLOWED.contains(c.getName()) && !c.getName().startsWith(Offender.class.getName())))
                .should(NOT_READ_THE_SYSTEM_CLOCK)
                .check(CLASSES);
    }

    @Test
    void theRuleSeesBothMainAndTestCodeAndCatchesAViolation() {
        // Without this, an importer that found no test classes (or a condition that never fires) would pass silently.
        assertThat(CLASSES.contain("no.bosetting.support.Fixtures")).isTrue();
        assertThat(CLASSES.contain("no.bosetting.BosettingApplication")).isTrue();
        JavaClass offender = new ClassFileImporter().importClass(Offender.class);
        assertThat(calls(offender).filter(ClockArchitectureTest::readsSystemClock).count())
                .isEqualTo(4);
        assertThat(ALLOWED).allSatisfy(name -> assertThat(CLASSES.contain(name)).as(name).isTrue());
    }

    /** Reads the system clock four ways; only imported by the self-test above, never checked by the rule. */
    @SuppressWarnings("unused")
    static class Offender {
        Object read() {
            return List.of(LocalDate.now(), LocalDateTime.now(ZoneId.of("Europe/Oslo")), new Date(), System.currentTimeMillis());
        }
    }
}
