package no.bosetting.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The published small-cell rule and the waiting-time arithmetic, without Spring. */
class SmallCellsTest {

    @Test
    void countsFromOneToFourAreSuppressedZeroAndFiveAreNot() {
        assertThat(SmallCells.count(0)).isZero();
        assertThat(SmallCells.count(1)).isNull();
        assertThat(SmallCells.count(4)).isNull();
        assertThat(SmallCells.count(5)).isEqualTo(5);
        assertThat(SmallCells.derived(12.5, 3)).isNull();
        assertThat(SmallCells.derived(12.5, 7)).isEqualTo(12.5);
    }

    @Test
    void aSuppressedWaitingRowHidesSmallCountsAndWhatIsDerivedFromThem() {
        WaitingRow row = new WaitingRow("SINGLE_MAN", 7, 40.0, 3, 50.0, 2, 60.0, 60.0, 0.5, 1.0, 1.0, List.of(0, 2, 0, 0, 0));

        WaitingRow shown = row.suppressed();

        assertThat(shown.allocatedHouseholds()).isEqualTo(7);
        assertThat(shown.avgDaysToAllocation()).isEqualTo(40.0);
        assertThat(shown.acceptedHouseholds()).isEqualTo(-1);
        assertThat(shown.avgDaysToAcceptance()).isNull();
        assertThat(shown.settledHouseholds()).isEqualTo(-1);
        assertThat(shown.avgDaysToSettlement()).isNull();
        assertThat(shown.shareWithin6Months()).isNull();
        assertThat(shown.distribution()).containsExactly(0, -1, 0, 0, 0);
        assertThat(new LivingSituationRow("PRIVATE", 3, 1).suppressed()).isEqualTo(new LivingSituationRow("PRIVATE", -1, -1));
        assertThat(new LivingSituationRow("AMOT", 12, 5).suppressed()).isEqualTo(new LivingSituationRow("AMOT", 12, 5));
    }

    @Test
    void waitingTimesOnKnownTimelines() {
        LocalDate permit = LocalDate.of(2025, 1, 1);
        List<CaseTimeline> timelines = List.of(
                new CaseTimeline(1, "SINGLE_MAN", 1, permit, permit.plusDays(10), permit.plusDays(20), permit.plusDays(40)),
                new CaseTimeline(2, "SINGLE_MAN", 1, permit, permit.plusDays(30), permit.plusDays(40), LocalDate.of(2025, 5, 1)),
                new CaseTimeline(3, "COUPLE_WITH_CHILDREN", 4, permit, permit.plusDays(50), null, null),
                new CaseTimeline(4, "COUPLE_WITH_CHILDREN", 3, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 1),
                        LocalDate.of(2024, 7, 1), LocalDate.of(2025, 2, 1)));

        List<WaitingRow> rows = WaitingStatistics.compute(timelines, 2025, List.of("SINGLE_MAN", "COUPLE_WITH_CHILDREN"));

        WaitingRow all = rows.get(0);
        assertThat(all.householdType()).isEqualTo(WaitingStatistics.ALL);
        assertThat(all.allocatedHouseholds()).isEqualTo(3);
        assertThat(all.avgDaysToAllocation()).isCloseTo(30.0, within(1e-9));
        assertThat(all.acceptedHouseholds()).isEqualTo(2);
        assertThat(all.settledHouseholds()).isEqualTo(3);
        // 40, 120 and 397 days; within 3 months: one; within 6: two; within 12: two.
        assertThat(all.avgDaysToSettlement()).isCloseTo((40 + 120 + 397) / 3.0, within(1e-9));
        assertThat(all.medianDaysToSettlement()).isEqualTo(120.0);
        assertThat(all.shareWithin3Months()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(all.shareWithin6Months()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(all.shareWithin12Months()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(all.distribution()).containsExactly(0, 1, 1, 0, 1);
        assertThat(rows.get(1).settledHouseholds()).isEqualTo(2);
        assertThat(rows.get(2).settledHouseholds()).isEqualTo(1);
    }

    // The rule on whole tables: primary suppression of 1–4 plus complementary suppression.

    @Test
    void aRowWithOneSmallCellGetsASecondSuppressionAndSoDoItsColumns() {
        int[][] table = {
                {10, 3, 8, 21},
                {7, 6, 9, 22},
                {17, 9, 17, 43}};

        Integer[][] shown = Disclosure.table(table);

        assertThat(shown[0][1]).as("the 3 itself").isNull();
        // Alone in its row the 3 would be 21 − 10 − 8: a second cell in the row is withheld, the smallest one.
        assertThat(shown[0][2]).isNull();
        assertThat(shown[0][0]).isEqualTo(10);
        // Then each of those columns has one withheld cell too, so row 1 gives up two cells.
        assertThat(shown[1][1]).isNull();
        assertThat(shown[1][2]).isNull();
        assertThat(shown[1][0]).isEqualTo(7);
        // Every total stays published.
        assertThat(shown[0][3]).isEqualTo(21);
        assertThat(shown[1][3]).isEqualTo(22);
        assertThat(shown[2]).containsExactly(17, 9, 17, 43);
        assertNoLineHasExactlyOneWithheldCell(shown);
        assertTheSmallCellsCannotBeWorkedOut(table, shown);
    }

    @Test
    void withheldCellsThatMustAllBeOneAreNotEnough() {
        // Zero is shown, so a withheld cell is at least 1: two withheld cells summing to 2 are both 1.
        int[][] table = {
                {1, 1, 10, 0, 12},
                {5, 6, 7, 0, 18},
                {6, 7, 17, 0, 30}};

        Integer[][] shown = Disclosure.table(table);

        assertThat(shown[0][0]).isNull();
        assertThat(shown[0][1]).isNull();
        assertThat(shown[0][2]).as("a third cell, so the two 1s are not pinned").isNull();
        assertThat(shown[0][3]).as("zero is shown").isZero();
        assertThat(shown[2]).containsExactly(6, 7, 17, 0, 30);
        assertNoLineHasExactlyOneWithheldCell(shown);
        assertTheSmallCellsCannotBeWorkedOut(table, shown);
    }

    @Test
    void aReaderCannotEvenTellThatAWithheldCellIsSmall() {
        // 2 and 2 withheld in a row: neither can be worked out, but both would be known to be at most 3.
        int[][] table = {
                {2, 2, 9, 13},
                {6, 7, 8, 21},
                {8, 9, 17, 34}};

        Integer[][] shown = Disclosure.table(table);

        assertThat(shown[0][0]).isNull();
        assertThat(shown[0][1]).isNull();
        assertThat(shown[0][2]).as("a third cell, so each 2 could be 5 or more").isNull();
        assertThat(shown[2]).containsExactly(8, 9, 17, 34);
        assertNoLineHasExactlyOneWithheldCell(shown);
        assertTheSmallCellsCannotBeWorkedOut(table, shown);
    }

    @Test
    void aSmallTotalIsWithheldWithItsPartsAndTheGrandTotalProtectsNothingAlone() {
        // A row whose total is 1–4 has small parts; the column totals and grand total must not give them away.
        int[][] table = {
                {2, 1, 0, 3},
                {20, 15, 9, 44},
                {8, 11, 6, 25},
                {30, 27, 15, 72}};

        Integer[][] shown = Disclosure.table(table);

        assertThat(shown[0][0]).isNull();
        assertThat(shown[0][1]).isNull();
        assertThat(shown[0][3]).isNull();
        assertThat(shown[0][2]).isZero();
        assertThat(shown[3][3]).isEqualTo(72);
        assertNoLineHasExactlyOneWithheldCell(shown);
        assertTheSmallCellsCannotBeWorkedOut(table, shown);
    }

    @Test
    void countsOfOnePopulationInTwoTablesAreWithheldTogether() {
        // Persons and households settled per municipality, in two tables that share a national total each.
        Disclosure d = new Disclosure()
                .count("persons:A", 1).count("persons:B", 9).count("persons:C", 12).count("persons:all", 22)
                .count("households:A", 1).count("households:B", 7).count("households:C", 5).count("households:all", 13)
                .sum("persons:all", List.of("persons:A", "persons:B", "persons:C"))
                .sum("households:all", List.of("households:A", "households:B", "households:C"))
                .link("persons:A", "households:A").link("persons:B", "households:B").link("persons:C", "households:C");

        Disclosure.Result r = d.protect();

        assertThat(r.isShown("persons:A")).isFalse();
        assertThat(r.isShown("households:A")).isFalse();
        // The complementary cell in one table is withheld in the other too, so neither table gives the other away.
        assertThat(r.isShown("persons:B")).isEqualTo(r.isShown("households:B"));
        assertThat(r.isShown("persons:C")).isEqualTo(r.isShown("households:C"));
        assertThat(r.withheld()).hasSize(4);
        assertThat(r.value("persons:all")).isEqualTo(22);
        assertThat(r.value("households:all")).isEqualTo(13);
    }

    @Test
    void aCountThatFollowsFromTwoPublishedCountsIsProtectedToo() {
        // Settled within 3 and within 6 months are published (as shares): their difference is a count as well.
        Disclosure d = new Disclosure()
                .count("within3:a", 6).count("within6:a", 8).internal("between:a", 2)
                .count("within3:b", 9).count("within6:b", 15).internal("between:b", 6)
                .count("within3:all", 15).count("within6:all", 23).internal("between:all", 8)
                .sum("within6:a", List.of("within3:a", "between:a"))
                .sum("within6:b", List.of("within3:b", "between:b"))
                .sum("within6:all", List.of("within3:all", "between:all"))
                .sum("within3:all", List.of("within3:a", "within3:b"))
                .sum("within6:all", List.of("within6:a", "within6:b"));

        Disclosure.Result r = d.protect();

        assertThat(r.isShown("within3:a") && r.isShown("within6:a")).as("8 − 6 = 2 would be published").isFalse();
        assertThat(r.isShown("between:a")).isFalse();
        assertThat(r.value("within6:all")).isEqualTo(23);
    }

    @Test
    void theAuditFindsACellThatOnlyACombinationOfSumsGivesAway() {
        // Two blocks of four withheld cells (withheld in another output, say) joined by one small cell: every row
        // and column has two or more withheld cells, yet rows 0+1 minus columns 0+1 leave exactly the small cell.
        int[][] table = {
                {10, 11, 12, 13, 46},
                {14, 15, 2, 16, 47},
                {17, 18, 19, 20, 74},
                {21, 22, 23, 24, 90},
                {62, 66, 56, 73, 257}};
        boolean[][] elsewhere = new boolean[5][5];
        for (int[] rc : new int[][]{{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 2}, {2, 3}, {3, 2}, {3, 3}}) {
            elsewhere[rc[0]][rc[1]] = true;
        }
        Disclosure d = new Disclosure();
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                d.count(r + "," + c, table[r][c]);
                if (elsewhere[r][c]) {
                    d.hide(r + "," + c);
                }
            }
        }
        for (int i = 0; i < 5; i++) {
            List<String> row = new ArrayList<>();
            List<String> col = new ArrayList<>();
            for (int j = 0; j < 4; j++) {
                row.add(i + "," + j);
                col.add(j + "," + i);
            }
            d.sum(i + ",4", row);
            d.sum("4," + i, col);
        }

        Disclosure.Result result = d.protect();

        Integer[][] shown = new Integer[5][5];
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                shown[r][c] = result.value(r + "," + c);
            }
        }
        assertThat(shown[1][2]).isNull();
        assertNoLineHasExactlyOneWithheldCell(shown);
        // In a table with margins a withheld cell can be worked out exactly when it lies on no cycle of withheld cells.
        assertThat(onACycle(shown, 1, 2)).as("the 2 is on a cycle of withheld cells").isTrue();
    }

    /** Rows and columns as nodes, withheld cells as edges: is there a path from row r to column c without cell (r, c)? */
    private static boolean onACycle(Integer[][] shown, int row, int col) {
        int rows = shown.length;
        int cols = shown[0].length;
        boolean[] seen = new boolean[rows + cols];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(row));
        seen[row] = true;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int other = 0; other < (node < rows ? cols : rows); other++) {
                int r = node < rows ? node : other;
                int c = node < rows ? other : node - rows;
                int next = node < rows ? rows + other : other;
                if (shown[r][c] == null && !(r == row && c == col) && !seen[next]) {
                    seen[next] = true;
                    queue.add(next);
                }
            }
        }
        return seen[rows + col];
    }

    @Test
    void randomSmallTablesNeverGiveAwayASmallCell() {
        // Fixed seed: the same tables every run. Interior cells 0–12, many of them small; margins added up.
        java.util.Random random = new java.util.Random(21);
        for (int n = 0; n < 200; n++) {
            int rows = 2 + random.nextInt(4);
            int cols = 2 + random.nextInt(4);
            int[][] table = new int[rows + 1][cols + 1];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int v = random.nextInt(3) == 0 ? 0 : random.nextInt(2) == 0 ? 1 + random.nextInt(4) : 5 + random.nextInt(8);
                    table[r][c] = v;
                    table[r][cols] += v;
                    table[rows][c] += v;
                    table[rows][cols] += v;
                }
            }

            Integer[][] shown = Disclosure.table(table);

            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= cols; c++) {
                    if (SmallCells.suppressed(table[r][c])) {
                        assertThat(shown[r][c]).as("table %d cell %d,%d", n, r, c).isNull();
                    } else if (shown[r][c] != null) {
                        assertThat(shown[r][c]).isEqualTo(table[r][c]);
                    }
                }
            }
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= cols; c++) {
                    if (SmallCells.suppressed(table[r][c])) {
                        // Not exactly (a cell of a table with margins is determined exactly when no cycle of withheld cells
                        // passes through it), nor below 5 from its row or column total (the others there at least 1).
                        assertThat(onACycle(shown, r, c)).as("table %d cell %d,%d lies on a cycle", n, r, c).isTrue();
                        assertThat(upperBound(shown, table, r, c)).as("table %d cell %d,%d upper bound", n, r, c)
                                .isGreaterThanOrEqualTo(SmallCells.THRESHOLD);
                    }
                }
            }
        }
    }

    /** The largest value a withheld cell can have given its published row and column totals, the others being at least 1. */
    private static long upperBound(Integer[][] shown, int[][] truth, int row, int col) {
        long bound = Long.MAX_VALUE;
        int rows = shown.length;
        int cols = shown[0].length;
        for (boolean alongRow : new boolean[]{true, false}) {
            int n = alongRow ? cols : rows;
            int tr = alongRow ? row : rows - 1;
            int tc = alongRow ? cols - 1 : col;
            // The line through (row, col) whose total is not the cell itself.
            boolean cellIsTotal = alongRow ? col == cols - 1 : row == rows - 1;
            if (cellIsTotal || shown[tr][tc] == null) {
                continue;
            }
            long rest = shown[tr][tc];
            for (int i = 0; i < n - 1; i++) {
                int r = alongRow ? row : i;
                int c = alongRow ? i : col;
                if (r == row && c == col) {
                    continue;
                }
                rest -= shown[r][c] == null ? 1 : shown[r][c];
            }
            bound = Math.min(bound, rest);
        }
        return bound;
    }

    private static void assertNoLineHasExactlyOneWithheldCell(Integer[][] shown) {
        for (Integer[] row : shown) {
            assertThat(java.util.Arrays.stream(row).filter(v -> v == null).count()).isNotEqualTo(1L);
        }
        for (int c = 0; c < shown[0].length; c++) {
            int col = c;
            assertThat(java.util.Arrays.stream(shown).filter(row -> row[col] == null).count()).isNotEqualTo(1L);
        }
    }

    /**
     * The attacker: every filling of the withheld cells (each at least 1, since 0 is shown) that adds up to every
     * published row, column and grand total. A small cell is safe when it takes at least two values over them,
     * one of them 5 or more (so a reader cannot even tell that it is small).
     */
    private static void assertTheSmallCellsCannotBeWorkedOut(int[][] truth, Integer[][] shown) {
        int rows = shown.length;
        int cols = shown[0].length;
        List<int[]> unknown = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (shown[r][c] == null) {
                    unknown.add(new int[]{r, c});
                }
            }
        }
        int max = truth[rows - 1][cols - 1];
        List<Set<Integer>> seen = new ArrayList<>();
        unknown.forEach(u -> seen.add(new HashSet<>()));
        int[][] filled = new int[rows][cols];
        fill(shown, unknown, 0, max, filled, seen);
        for (int k = 0; k < unknown.size(); k++) {
            int[] u = unknown.get(k);
            assertThat(seen.get(k)).as("the true value is one of the possibilities").contains(truth[u[0]][u[1]]);
            if (SmallCells.suppressed(truth[u[0]][u[1]])) {
                assertThat(seen.get(k)).as("cell %d,%d (%d) can be worked out", u[0], u[1], truth[u[0]][u[1]]).hasSizeGreaterThan(1);
                assertThat(seen.get(k).stream().mapToInt(Integer::intValue).max().orElseThrow())
                        .as("cell %d,%d (%d) is known to be small", u[0], u[1], truth[u[0]][u[1]]).isGreaterThanOrEqualTo(SmallCells.THRESHOLD);
            }
        }
    }

    private static void fill(Integer[][] shown, List<int[]> unknown, int k, int max, int[][] filled, List<Set<Integer>> seen) {
        int rows = shown.length;
        int cols = shown[0].length;
        if (k == 0) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    filled[r][c] = shown[r][c] == null ? 0 : shown[r][c];
                }
            }
        }
        if (k == unknown.size()) {
            for (int i = 0; i < unknown.size(); i++) {
                seen.get(i).add(filled[unknown.get(i)[0]][unknown.get(i)[1]]);
            }
            return;
        }
        int[] u = unknown.get(k);
        for (int v = 1; v <= max; v++) {
            filled[u[0]][u[1]] = v;
            if (consistent(shown, unknown, k, filled, u[0], -1) && consistent(shown, unknown, k, filled, -1, u[1])) {
                fill(shown, unknown, k + 1, max, filled, seen);
            }
        }
        filled[u[0]][u[1]] = 0;
    }

    /** A row (or column) whose withheld cells are all filled adds up; one still open does not overshoot a known total. */
    private static boolean consistent(Integer[][] shown, List<int[]> unknown, int k, int[][] filled, int row, int col) {
        int n = row >= 0 ? shown[0].length : shown.length;
        boolean open = false;
        int sum = 0;
        for (int i = 0; i < n - 1; i++) {
            int r = row >= 0 ? row : i;
            int c = row >= 0 ? i : col;
            open |= shown[r][c] == null && index(unknown, r, c) > k;
            sum += filled[r][c];
        }
        int tr = row >= 0 ? row : n - 1;
        int tc = row >= 0 ? n - 1 : col;
        boolean totalKnown = shown[tr][tc] != null || index(unknown, tr, tc) <= k;
        if (!totalKnown) {
            return true;
        }
        return open ? sum <= filled[tr][tc] : sum == filled[tr][tc];
    }

    private static int index(List<int[]> unknown, int r, int c) {
        for (int i = 0; i < unknown.size(); i++) {
            if (unknown.get(i)[0] == r && unknown.get(i)[1] == c) {
                return i;
            }
        }
        return -1;
    }
}
