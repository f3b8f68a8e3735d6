package no.bosetting.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal grouped bar chart laid out on the server, so the page draws it as plain SVG without
 * scripts or inline styles. Every bar carries its value as text, so no information is in colour alone.
 */
public record BarChart(int width, int height, List<Label> labels, List<Bar> bars, List<String> series) {

    public record Label(String text, int x, int y) {
    }

    public record Bar(int x, int y, int width, int height, int series, String value, int textX, int textY, String title) {
    }

    private static final int LABEL_WIDTH = 170;
    private static final int AREA = 380;
    private static final int BAR = 14;
    private static final int GAP = 10;

    /** One group per label; {@code values.get(g)[s]} is series s of group g. */
    public static BarChart of(List<String> groupLabels, List<int[]> values, List<String> series) {
        return of(groupLabels, values, series, "–");
    }

    /** As above; a negative value is a withheld count: no bar, and the mark instead of the number. */
    public static BarChart of(List<String> groupLabels, List<int[]> values, List<String> series, String withheldMark) {
        int max = Math.max(1, values.stream().flatMapToInt(java.util.Arrays::stream).max().orElse(1));
        List<Label> labels = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        int y = GAP;
        for (int g = 0; g < groupLabels.size(); g++) {
            int[] v = values.get(g);
            labels.add(new Label(groupLabels.get(g), LABEL_WIDTH - 8, y + v.length * BAR / 2 + 4));
            for (int s = 0; s < v.length; s++) {
                int w = (int) Math.round((double) Math.max(0, v[s]) / max * AREA);
                int barY = y + s * BAR;
                String value = v[s] < 0 ? withheldMark : String.valueOf(v[s]);
                bars.add(new Bar(LABEL_WIDTH, barY, Math.max(w, v[s] > 0 ? 1 : 0), BAR - 2, s, value,
                        LABEL_WIDTH + w + 4, barY + BAR - 4, groupLabels.get(g) + ", " + series.get(s) + ": " + value));
            }
            y += v.length * BAR + GAP;
        }
        return new BarChart(LABEL_WIDTH + AREA + 70, y, labels, bars, series);
    }
}
