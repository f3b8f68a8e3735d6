package no.bosetting.allocation.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.allocation.engine.Policy;
import no.bosetting.allocation.engine.Scorer;

/**
 * Writes the engine's integer program as free-format MPS with an {@code OBJSENSE MAX} section (checked with
 * CBC 2.10, whose command line needs {@code -max} because it ignores that section, and with OR-Tools). Variable
 * {@code x<h>_<m>} is household h (1-based input order) in
 * municipality m (1-based input order); only pairs allowed by the pair-level hard rules get a variable.
 *
 * <p>Rows: {@code A<h>} each household at most once; {@code P<m>} persons ≤ places; {@code U<m>} minors
 * persons ≤ minors places; {@code D<m>_<k>} households of ≥ k persons ≤ dwellings with room for ≥ k (k = 5..9,
 * the Hall conditions of the nested dwelling matching); {@code G<h>_<m>} together-group links
 * x(h,m) − x(first member,m) = 0.
 */
final class MpsWriter {

    private MpsWriter() {
    }

    static void write(Instance instance, Policy policy, Map<String, String> pins, Path file) throws IOException {
        Scorer scorer = new Scorer(policy, instance);
        List<Household> hs = instance.households();
        List<Municipality> ms = instance.municipalities();
        int mCount = ms.size();
        Map<String, Integer> firstOfGroup = new LinkedHashMap<>();
        Map<String, List<Integer>> groupMembers = new LinkedHashMap<>();
        for (int h = 0; h < hs.size(); h++) {
            if (hs.get(h).togetherGroup() != null) {
                firstOfGroup.putIfAbsent(hs.get(h).togetherGroup(), h);
                groupMembers.computeIfAbsent(hs.get(h).togetherGroup(), g -> new ArrayList<>()).add(h);
            }
        }
        // Three streaming passes (rows used, columns, bounds) keep memory flat: the national instance has
        // millions of columns.
        boolean[] usedP = new boolean[mCount];
        boolean[] usedU = new boolean[mCount];
        boolean[][] usedD = new boolean[mCount][Municipality.MAX_DWELLING_CLASS + 1];
        Map<String, Boolean> linkRows = new LinkedHashMap<>();
        for (int h = 0; h < hs.size(); h++) {
            Household hh = hs.get(h);
            for (int m = 0; m < mCount; m++) {
                if (!scorer.eligible(h, m)) {
                    continue;
                }
                usedP[m] = true;
                usedU[m] |= hh.unaccompaniedMinor();
                if (hh.persons() >= Municipality.LARGE_HOUSEHOLD) {
                    int top = Math.min(hh.persons(), Municipality.MAX_DWELLING_CLASS);
                    for (int k = Municipality.LARGE_HOUSEHOLD; k <= top; k++) {
                        usedD[m][k] = true;
                    }
                }
                if (hh.togetherGroup() != null) {
                    for (int member : groupMembers.get(hh.togetherGroup())) {
                        if (member != firstOfGroup.get(hh.togetherGroup())) {
                            linkRows.put("G" + (member + 1) + "_" + (m + 1), true);
                        }
                    }
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            w.write("NAME " + instance.name().replace(' ', '_') + "\n");
            w.write("OBJSENSE\n    MAX\n");
            w.write("ROWS\n N  OBJ\n");
            for (int h = 0; h < hs.size(); h++) {
                w.write(" L  A" + (h + 1) + "\n");
            }
            for (int m = 0; m < mCount; m++) {
                if (usedP[m]) {
                    w.write(" L  P" + (m + 1) + "\n");
                }
                if (usedU[m]) {
                    w.write(" L  U" + (m + 1) + "\n");
                }
                for (int k = Municipality.LARGE_HOUSEHOLD; k <= Municipality.MAX_DWELLING_CLASS; k++) {
                    if (usedD[m][k]) {
                        w.write(" L  D" + (m + 1) + "_" + k + "\n");
                    }
                }
            }
            for (String r : linkRows.keySet()) {
                w.write(" E  " + r + "\n");
            }
            w.write("COLUMNS\n");
            w.write("    MARKER 'MARKER' 'INTORG'\n");
            for (int h = 0; h < hs.size(); h++) {
                Household hh = hs.get(h);
                for (int m = 0; m < mCount; m++) {
                    if (!scorer.eligible(h, m)) {
                        continue;
                    }
                    String x = "x" + (h + 1) + "_" + (m + 1);
                    entry(w, x, "OBJ", scorer.score(h, m));
                    entry(w, x, "A" + (h + 1), 1);
                    entry(w, x, "P" + (m + 1), hh.persons());
                    if (hh.unaccompaniedMinor()) {
                        entry(w, x, "U" + (m + 1), hh.persons());
                    }
                    if (hh.persons() >= Municipality.LARGE_HOUSEHOLD) {
                        int top = Math.min(hh.persons(), Municipality.MAX_DWELLING_CLASS);
                        for (int k = Municipality.LARGE_HOUSEHOLD; k <= top; k++) {
                            entry(w, x, "D" + (m + 1) + "_" + k, 1);
                        }
                    }
                    if (hh.togetherGroup() != null) {
                        int first = firstOfGroup.get(hh.togetherGroup());
                        if (first != h) {
                            entry(w, x, "G" + (h + 1) + "_" + (m + 1), 1);
                        } else {
                            for (int other : groupMembers.get(hh.togetherGroup())) {
                                if (other != h) {
                                    entry(w, x, "G" + (other + 1) + "_" + (m + 1), -1);
                                }
                            }
                        }
                    }
                }
            }
            w.write("    MARKER 'MARKER' 'INTEND'\n");
            w.write("RHS\n");
            for (int h = 0; h < hs.size(); h++) {
                w.write("    RHS A" + (h + 1) + " 1\n");
            }
            for (int m = 0; m < mCount; m++) {
                Municipality mm = ms.get(m);
                if (usedP[m]) {
                    w.write("    RHS P" + (m + 1) + " " + mm.remainingPlaces() + "\n");
                }
                if (usedU[m]) {
                    w.write("    RHS U" + (m + 1) + " " + mm.remainingMinorPlaces() + "\n");
                }
                for (int k = Municipality.LARGE_HOUSEHOLD; k <= Municipality.MAX_DWELLING_CLASS; k++) {
                    if (usedD[m][k]) {
                        w.write("    RHS D" + (m + 1) + "_" + k + " " + mm.dwellingsWithRoomFor(k) + "\n");
                    }
                }
            }
            w.write("BOUNDS\n");
            for (int h = 0; h < hs.size(); h++) {
                String pinned = pins.get(hs.get(h).id());
                for (int m = 0; m < mCount; m++) {
                    if (!scorer.eligible(h, m)) {
                        continue;
                    }
                    String x = "x" + (h + 1) + "_" + (m + 1);
                    if (pinned == null) {
                        w.write(" UP BND " + x + " 1\n");
                    } else {
                        w.write(" FX BND " + x + (pinned.equals(ms.get(m).number()) ? " 1\n" : " 0\n"));
                    }
                }
            }
            w.write("ENDATA\n");
        }
    }

    private static void entry(BufferedWriter w, String column, String row, double value) throws IOException {
        w.write("    ");
        w.write(column);
        w.write(' ');
        w.write(row);
        w.write(' ');
        w.write(String.format(Locale.ROOT, "%.12g", value));
        w.write('\n');
    }

    /** Writes {@code household,municipality} for every assigned household. */
    static void writeSolution(Map<String, String> assignment, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("household,municipality\n");
            for (Map.Entry<String, String> e : assignment.entrySet()) {
                w.write(e.getKey() + "," + e.getValue() + "\n");
            }
        }
    }
}
