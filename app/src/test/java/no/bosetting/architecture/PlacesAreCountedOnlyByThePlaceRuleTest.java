package no.bosetting.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import no.bosetting.decisions.PlacesUsed;
import no.bosetting.planning.CapacityDecisions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Places are counted by one rule, in {@code decisions} ({@code PlaceRule.take}, and for a look ahead
 * {@code PlaceRule.wouldFit}, {@code PlaceRule.engineRoom}, {@code PlacesUsed.roomFor}/{@code remaining}) — issue 14
 * item 1. Stated as three checks on the application's own classes outside {@code decisions}:
 * <ol>
 *   <li>No class takes the decision row's lock ({@link CapacityDecisions#lock}) — the lock places are taken under —
 *   except {@code planning}, which owns the row and records decisions under it.</li>
 *   <li>No method reads both a limit of {@link PlacesUsed} (the decided number, its ceiling, the decided minors) and a
 *   count of it (places used, minors used, settled, accepted) — a method that has both computes room itself. The room
 *   methods' own checks ({@code roomForPersons}, {@code roomForMinors}) are not visible outside {@code decisions}.</li>
 *   <li>No source holds SQL that counts {@code settlement_decision} rows by the year a place counts in
 *   ({@code place_year}), except the listed read models that count something else.</li>
 * </ol>
 * The self-test proves each check fires on an offender.
 */
class PlacesAreCountedOnlyByThePlaceRuleTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("no.bosetting");

    private static final String DECISIONS = "no.bosetting.decisions";

    private static final Set<String> LIMITS = Set.of("decided", "ceiling", "decidedMinors");
    private static final Set<String> COUNTS = Set.of("used", "minorsUsed", "settled", "acceptedNotSettled");

    /** Sources that read {@code settlement_decision} by {@code place_year} for something other than room, with why. */
    static final Map<String, String> SQL_ALLOWED = Map.of(
            "selfsettlement/SelfSettlementOverview.java",
            "counts settled and accepted persons per self-settlement variant for the ASB statistics; takes no places");

    static List<String> locksDecisionRows(JavaClasses classes) {
        List<String> offenders = new ArrayList<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith(DECISIONS) || c.getPackageName().startsWith("no.bosetting.planning")) {
                continue;
            }
            c.getMethodCallsFromSelf().stream()
                    .filter(call -> call.getTarget().getOwner().isEquivalentTo(CapacityDecisions.class)
                            && call.getTarget().getName().equals("lock"))
                    .forEach(call -> offenders.add(call.getDescription()));
        }
        return offenders;
    }

    static List<String> computesRoomItself(JavaClasses classes) {
        List<String> offenders = new ArrayList<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith(DECISIONS)) {
                continue;
            }
            for (JavaCodeUnit unit : c.getCodeUnits()) {
                Set<String> read = new java.util.HashSet<>();
                unit.getMethodCallsFromSelf().stream()
                        .filter(call -> call.getTarget().getOwner().isEquivalentTo(PlacesUsed.class))
                        .forEach(call -> read.add(call.getTarget().getName()));
                if (read.stream().anyMatch(LIMITS::contains) && read.stream().anyMatch(COUNTS::contains)) {
                    offenders.add(unit.getFullName() + " reads " + read);
                }
            }
        }
        return offenders;
    }

    private static final Pattern COUNTS_BY_PLACE_YEAR = Pattern.compile("(?s)settlement_decision.{0,600}place_year");

    static boolean countsByPlaceYear(String source) {
        return COUNTS_BY_PLACE_YEAR.matcher(source).find();
    }

    @Test
    void onlyTheDecisionsModuleAndTheRowsOwnerLockADecisionRow() {
        assertThat(locksDecisionRows(MAIN)).isEmpty();
    }

    @Test
    void noMethodOutsideDecisionsComputesRoomFromALimitAndACount() {
        assertThat(computesRoomItself(MAIN)).isEmpty();
    }

    @Test
    void noSourceOutsideDecisionsCountsPlacesByTheirYearInSql() throws IOException {
        Path main = Path.of("src/main/java/no/bosetting");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = main.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith("decisions/") || SQL_ALLOWED.containsKey(relative)) {
                    continue;
                }
                if (countsByPlaceYear(Files.readString(file))) {
                    offenders.add(relative);
                }
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(SQL_ALLOWED.keySet()).allSatisfy(f -> assertThat(countsByPlaceYear(Files.readString(main.resolve(f))))
                .as(f + " no longer needs its exception").isTrue());
    }

    @Test
    void eachCheckCatchesAnOffender() {
        // Without this, an importer that found nothing (or a check that never fires) would pass silently.
        assertThat(MAIN.contain("no.bosetting.selfsettlement.SelfSettlementApprovals")).isTrue();
        assertThat(MAIN.contain("no.bosetting.support.Fixtures")).isFalse();
        JavaClasses offenders = new ClassFileImporter().importClasses(LocksTheRow.class, CountsItself.class);
        assertThat(locksDecisionRows(offenders)).singleElement().asString().contains("LocksTheRow");
        assertThat(computesRoomItself(offenders)).singleElement().asString().contains("CountsItself.fits");
        assertThat(countsByPlaceYear("""
                select count(*) from settlement_decision where municipality_number = :m and place_year = :y
                """)).isTrue();
        assertThat(countsByPlaceYear("select count(*) from settlement_decision where case_id = :c")).isFalse();
    }

    /** Takes the decision row's lock itself; only imported by the self-test. */
    @SuppressWarnings("unused")
    static class LocksTheRow {
        Object lock(CapacityDecisions capacity) {
            return capacity.lock("0301", 2030);
        }
    }

    /** Compares used with decided itself; only imported by the self-test. */
    @SuppressWarnings("unused")
    static class CountsItself {
        boolean fits(PlacesUsed places, int persons) {
            return places.used() + persons <= places.decided();
        }

        Integer shown(PlacesUsed places) {
            return places.remaining();
        }
    }
}
