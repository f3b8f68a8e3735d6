package no.bosetting.statistics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Computes waiting times from household timelines; plain Java so tests can recompute the numbers. */
public final class WaitingStatistics {

    /** Upper bounds (inclusive, days) of the waiting bands; the last band is everything above. */
    public static final int[] BANDS = {30, 90, 180, 365};

    public static final String ALL = "ALL";

    private WaitingStatistics() {
    }

    /** One row per household type present, plus a total row keyed {@link #ALL} first. */
    public static List<WaitingRow> compute(List<CaseTimeline> timelines, int year, List<String> householdTypes) {
        Map<String, List<CaseTimeline>> byType = new LinkedHashMap<>();
        byType.put(ALL, timelines);
        for (String type : householdTypes) {
            byType.put(type, timelines.stream().filter(t -> t.householdType().equals(type)).toList());
        }
        List<WaitingRow> rows = new ArrayList<>();
        byType.forEach((type, list) -> rows.add(row(type, list, year)));
        return rows;
    }

    /** The waiting-time measure a municipality's median is taken over. */
    public enum Measure { SETTLEMENT, ACCEPTANCE }

    /**
     * Median days from permit to the measure's event per municipality, over households whose event fell in
     * the year: settlement counts the municipality the household was first settled in, acceptance the one
     * that first accepted it. Municipalities without such households are absent.
     */
    public static Map<String, long[]> daysByMunicipality(List<CaseTimeline> timelines, int year, Measure measure) {
        Map<String, List<Long>> days = new java.util.TreeMap<>();
        for (CaseTimeline t : timelines) {
            LocalDate event = measure == Measure.SETTLEMENT ? t.settled() : t.accepted();
            String municipality = measure == Measure.SETTLEMENT ? t.settledMunicipality() : t.acceptedMunicipality();
            if (municipality != null && inYear(event, year)) {
                days.computeIfAbsent(municipality, k -> new ArrayList<>()).add(ChronoUnit.DAYS.between(t.permitDate(), event));
            }
        }
        Map<String, long[]> result = new LinkedHashMap<>();
        days.forEach((m, list) -> result.put(m, list.stream().mapToLong(Long::longValue).sorted().toArray()));
        return result;
    }

    /** The median of sorted values, or null when there are none. */
    public static Double medianOf(long[] sorted) {
        return median(sorted);
    }

    private static WaitingRow row(String type, List<CaseTimeline> list, int year) {
        long[] allocation = days(list, CaseTimeline::allocated, year);
        long[] acceptance = days(list, CaseTimeline::accepted, year);
        List<CaseTimeline> settled = list.stream().filter(t -> inYear(t.settled(), year)).toList();
        long[] settlement = settled.stream().mapToLong(t -> ChronoUnit.DAYS.between(t.permitDate(), t.settled())).sorted().toArray();
        Integer[] distribution = new Integer[BANDS.length + 1];
        Arrays.fill(distribution, 0);
        for (long d : settlement) {
            int band = 0;
            while (band < BANDS.length && d > BANDS[band]) {
                band++;
            }
            distribution[band]++;
        }
        return new WaitingRow(type, allocation.length, average(allocation), acceptance.length, average(acceptance),
                settlement.length, average(settlement), median(settlement),
                share(settled, 3), share(settled, 6), share(settled, 12), List.of(distribution));
    }

    private static long[] days(List<CaseTimeline> list, Function<CaseTimeline, LocalDate> event, int year) {
        return list.stream().filter(t -> inYear(event.apply(t), year))
                .mapToLong(t -> ChronoUnit.DAYS.between(t.permitDate(), event.apply(t))).toArray();
    }

    private static boolean inYear(LocalDate date, int year) {
        return date != null && date.getYear() == year;
    }

    private static Double average(long[] values) {
        return values.length == 0 ? null : Arrays.stream(values).average().orElse(0);
    }

    private static Double median(long[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /** Share settled no later than the same day {@code months} months after the permit. */
    private static Double share(List<CaseTimeline> settled, int months) {
        if (settled.isEmpty()) {
            return null;
        }
        long within = settled.stream().filter(t -> !t.settled().isAfter(t.permitDate().plusMonths(months))).count();
        return (double) within / settled.size();
    }
}
