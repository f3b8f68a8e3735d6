package no.bosetting.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The municipality borders from {@code static/kommuner.geojson} as SVG paths, projected once
 * (equirectangular, longitude scaled by the cosine of 65° N) and thinned to whole pixels, so the page
 * carries a few hundred kilobytes instead of the 1.7 MB source.
 */
@Component
public class NorwayMap {

    public static final int HEIGHT = 640;
    private static final double MIN_LAT = 57.9;
    private static final double MAX_LAT = 71.3;
    private static final double MIN_LON = 4.4;
    private static final double MAX_LON = 31.3;
    private static final double COS = Math.cos(Math.toRadians(65));

    private volatile Map<String, String> paths;
    private final int width = (int) Math.ceil((MAX_LON - MIN_LON) * COS * HEIGHT / (MAX_LAT - MIN_LAT));

    public int width() {
        return width;
    }

    public int height() {
        return HEIGHT;
    }

    /** SVG path data per municipality number. */
    public Map<String, String> paths() {
        Map<String, String> local = paths;
        if (local == null) {
            local = load();
            paths = local;
        }
        return local;
    }

    private Map<String, String> load() {
        try (InputStream in = new ClassPathResource("static/kommuner.geojson").getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, String> result = new LinkedHashMap<>();
            for (JsonNode feature : root.get("features")) {
                String number = feature.get("properties").get("kommunenummer").asString();
                JsonNode geometry = feature.get("geometry");
                StringBuilder d = new StringBuilder();
                if ("Polygon".equals(geometry.get("type").asString())) {
                    polygon(geometry.get("coordinates"), d);
                } else {
                    for (JsonNode polygon : geometry.get("coordinates")) {
                        polygon(polygon, d);
                    }
                }
                result.put(number, d.toString());
            }
            return Map.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void polygon(JsonNode rings, StringBuilder d) {
        for (JsonNode ring : rings) {
            StringBuilder part = new StringBuilder();
            long lastX = Long.MIN_VALUE;
            long lastY = Long.MIN_VALUE;
            int points = 0;
            for (JsonNode p : ring) {
                long x = Math.round((p.get(0).asDouble() - MIN_LON) * COS * HEIGHT / (MAX_LAT - MIN_LAT));
                long y = Math.round((MAX_LAT - p.get(1).asDouble()) * HEIGHT / (MAX_LAT - MIN_LAT));
                if (x == lastX && y == lastY) {
                    continue;
                }
                part.append(points == 0 ? "M" : "L").append(x).append(' ').append(y);
                lastX = x;
                lastY = y;
                points++;
            }
            // Rings smaller than a pixel or two would draw nothing visible.
            if (points >= 3) {
                d.append(part).append('Z');
            }
        }
    }

    /** The colour class of a fill ratio; the legend names the same bands in text. */
    public static String band(Double ratio) {
        if (ratio == null) {
            return "none";
        }
        if (ratio < 0.25) {
            return "b0";
        }
        if (ratio < 0.5) {
            return "b1";
        }
        if (ratio < 0.75) {
            return "b2";
        }
        if (ratio < 1.0) {
            return "b3";
        }
        return "b4";
    }

    public static String percent(Double ratio) {
        return ratio == null ? "–" : String.format(Locale.ROOT, "%d %%", Math.round(ratio * 100));
    }
}
