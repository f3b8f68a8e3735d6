package no.bosetting.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The municipal councils' real decisions on how many refugees to settle, per year and municipality, from IMDi's
 * "Nøkkeltall bosetting 2026" as shipped in {@code data/indicators/imdi_vedtak_2026.csv} (sources in that folder's
 * README; the same figures migration V41.1 loads as indicator data). The demo's capacity uses them where a
 * municipality has one for the year.
 */
final class RealDecisions {

    static final String RESOURCE = "/data/indicators/imdi_vedtak_2026.csv";

    private static final Map<Integer, Map<String, Integer>> BY_YEAR = load();

    private RealDecisions() {
    }

    /** The real decision of the municipality for the year, or null when there is none. */
    static Integer of(int year, String municipalityNumber) {
        return BY_YEAR.getOrDefault(year, Map.of()).get(municipalityNumber);
    }

    private static Map<Integer, Map<String, Integer>> load() {
        Map<Integer, Map<String, Integer>> result = new HashMap<>();
        try (InputStream in = RealDecisions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Map.of();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine(); // kommunenummer,navn,year,vedtak
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",");
                if (cells.length == 4) {
                    result.computeIfAbsent(Integer.parseInt(cells[2]), y -> new HashMap<>()).put(cells[0], Integer.parseInt(cells[3]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
