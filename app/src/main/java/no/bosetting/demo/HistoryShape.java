package no.bosetting.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The real shape of the five years 2021–2025 the demo's history replays (issue 22 item 1), per year and municipality:
 * IMDi's requested (anmodning), decided (vedtak) and settled (bosatt) persons, and how many of the settled were
 * Ukrainians (collective protection). Read from the indicator files shipped in {@code data/indicators/} (sources and
 * gaps in that folder's README):
 * <ul>
 *   <li>2021 and 2022: {@code imdi_bosetting_2020_2023.csv} for all three (README §1: "use §1 for 2020–2022"); the
 *   Ukrainians of 2022 from {@code bosatte_flyktninger_2022_2024.csv}, at most the settled number;</li>
 *   <li>2023: request and decision from §1, settled and Ukrainians from §2 (§1 stops on 25 September 2023);</li>
 *   <li>2024: settled and Ukrainians from §2 (up to 13 November 2024), the decision {@code vedtak_2024}; no
 *   per-municipality request was kept, so the request is taken as the decision;</li>
 *   <li>2025: no file has it (README §8: "settled numbers for 2025" not found), so 2025 has <b>2024's figures</b>.</li>
 * </ul>
 * A suppressed or unreported cell ({@code skjult}, 1–4 persons; {@code ikke_vist}) counts as 0: nothing is made up.
 * The national request of 2021–2023 is the sum of the municipalities' requests; for 2024 (and 2025) the national
 * request of 37,000 from figures.md ("2024 … request 37,000"); 2022 starts with the original request of 5,500 and is
 * revised on 18 March to its sum (report 001 lines 517–523, figures.md).
 */
final class HistoryShape {

    static final int FIRST_REAL_YEAR = 2021;
    static final int YEARS = 5;
    /** figures.md: the 2024 national request; 2025 repeats it. */
    static final int REQUEST_2024 = 37_000;
    /** The 2022 request before the revision of 18 March 2022 (report 001 lines 517–523). */
    static final int ORIGINAL_REQUEST_2022 = 5_500;

    /** One municipality's figures for a year. */
    record Figures(int requested, int decided, int settled, int ukrainians) {
    }

    /** A real year: per municipality (number → figures), and the national request. */
    record Year(int realYear, Map<String, Figures> municipalities, int nationalRequest) {

        int settled() {
            return municipalities.values().stream().mapToInt(Figures::settled).sum();
        }

        int decided() {
            return municipalities.values().stream().mapToInt(Figures::decided).sum();
        }

        int ukrainians() {
            return municipalities.values().stream().mapToInt(Figures::ukrainians).sum();
        }
    }

    private static final List<Year> YEAR_SHAPES = load();

    private HistoryShape() {
    }

    /** The five real years 2021–2025, oldest first. */
    static List<Year> years() {
        return YEAR_SHAPES;
    }

    private static List<Year> load() {
        List<String[]> imdi = rows("/data/indicators/imdi_bosetting_2020_2023.csv");
        List<String[]> settled = rows("/data/indicators/bosatte_flyktninger_2022_2024.csv");
        // imdi: kommunenummer,navn,year,anmodning,anmodning_status,vedtak,vedtak_status,bosatt,bosatt_status,imdi_kode_2020
        // settled: kommunenummer,navn,year,bosatt_totalt,bosatt_ukrainere,bosatt_ovrige,ovrige_er_minimum,
        //          bosatt_enslige_mindreaarige,ema_status,vedtak_2024,vedtak_2024_merknad,ema_vedtak_2024,data_per
        Map<String, String[]> imdiByKey = byKey(imdi);
        Map<String, String[]> settledByKey = byKey(settled);
        List<Year> years = new ArrayList<>();
        for (int real = FIRST_REAL_YEAR; real < FIRST_REAL_YEAR + YEARS; real++) {
            int source = Math.min(real, 2024); // 2025: 2024's figures
            Map<String, Figures> byMunicipality = new TreeMap<>();
            for (String m : municipalities(imdi, settled)) {
                String[] i = imdiByKey.get(m + "|" + source);
                String[] s = settledByKey.get(m + "|" + source);
                Figures f = switch (source) {
                    case 2021 -> new Figures(cell(i, 3), cell(i, 5), cell(i, 7), 0);
                    case 2022 -> new Figures(cell(i, 3), cell(i, 5), cell(i, 7), Math.min(cell(i, 7), cell(s, 4)));
                    case 2023 -> new Figures(cell(i, 3), cell(i, 5), cell(s, 3), cell(s, 4));
                    default -> new Figures(cell(s, 9), cell(s, 9), cell(s, 3), cell(s, 4));
                };
                if (f.requested() + f.decided() + f.settled() > 0) {
                    byMunicipality.put(m, f);
                }
            }
            int request = source >= 2024 ? REQUEST_2024
                    : byMunicipality.values().stream().mapToInt(Figures::requested).sum();
            years.add(new Year(real, Map.copyOf(byMunicipality), request));
        }
        return List.copyOf(years);
    }

    private static List<String> municipalities(List<String[]> a, List<String[]> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        a.forEach(r -> all.add(r[0]));
        b.forEach(r -> all.add(r[0]));
        return List.copyOf(all);
    }

    /** A number, or 0 where the cell is empty or not a whole number (a suppressed or unreported cell). */
    private static int cell(String[] row, int index) {
        if (row == null || index >= row.length || row[index].isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(row[index].trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, String[]> byKey(List<String[]> rows) {
        Map<String, String[]> result = new TreeMap<>();
        Function<String[], String> key = r -> r[0] + "|" + r[2];
        rows.forEach(r -> result.put(key.apply(r), r));
        return result;
    }

    private static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = HistoryShape.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
