package no.bosetting.allocation.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads the bundled municipality table and adjacency (see NOTICE.md next to the CSV files). */
final class KommuneData {

    record Kommune(String number, String name, int population, int centrality, double lat, double lon) {
    }

    private KommuneData() {
    }

    static List<Kommune> kommuner() {
        List<Kommune> out = new ArrayList<>();
        for (String[] f : rows("kommuner.csv")) {
            out.add(new Kommune(f[0], f[1], Integer.parseInt(f[5]), Integer.parseInt(f[7]),
                    Double.parseDouble(f[8]), Double.parseDouble(f[9])));
        }
        return out;
    }

    static Map<String, Set<String>> neighbours() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String[] f : rows("naboer.csv")) {
            out.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[1]);
            out.computeIfAbsent(f[1], k -> new TreeSet<>()).add(f[0]);
        }
        return out;
    }

    /** The files have no quoted fields (names contain no commas), so a plain split is exact. */
    private static List<String[]> rows(String file) {
        try (InputStream in = KommuneData.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line.split(",", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
