package no.bosetting.planning;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import no.bosetting.cases.HouseholdType;

/**
 * A scenario's assumptions behind its forecast: UDI's forecast of permits (the year's persons, or one number per
 * month), the share of persons per household type and the share living privately.
 *
 * @param monthlyPermits   12 numbers, January first, or null to spread the year's number evenly
 * @param householdShares  per cent of persons per household type, adding up to 100; empty = the mix of the households
 *                         waiting now
 * @param privateShare     per cent of persons living privately who settle on their own, so need no place; null = 0
 */
public record ForecastAssumptions(int[] monthlyPermits, Map<HouseholdType, Double> householdShares, Double privateShare) {

    public static final ForecastAssumptions NONE = new ForecastAssumptions(null, Map.of(), null);

    public ForecastAssumptions {
        householdShares = householdShares == null ? Map.of() : Map.copyOf(householdShares);
        if (monthlyPermits != null && monthlyPermits.length != 12) {
            throw new IllegalArgumentException("12 months, not " + monthlyPermits.length);
        }
        monthlyPermits = monthlyPermits == null ? null : monthlyPermits.clone();
    }

    /** The month's permits as entered, or null. */
    public Integer month(int month) {
        return monthlyPermits == null ? null : monthlyPermits[month - 1];
    }

    public Double share(HouseholdType type) {
        return householdShares.get(type);
    }

    public String monthlyText() {
        return monthlyPermits == null ? null : Arrays.stream(monthlyPermits).mapToObj(String::valueOf).collect(Collectors.joining(";"));
    }

    public String sharesText() {
        return householdShares.isEmpty() ? null : new EnumMap<>(householdShares).entrySet().stream()
                .map(e -> e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    public static ForecastAssumptions parse(String monthly, String shares, Double privateShare) {
        int[] months = monthly == null || monthly.isBlank() ? null
                : Arrays.stream(monthly.split(";")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        Map<HouseholdType, Double> map = new EnumMap<>(HouseholdType.class);
        if (shares != null && !shares.isBlank()) {
            for (String part : shares.split(";")) {
                String[] kv = part.split("=");
                map.put(HouseholdType.valueOf(kv[0].trim()), Double.parseDouble(kv[1].trim()));
            }
        }
        return new ForecastAssumptions(months, map, privateShare);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForecastAssumptions a && Arrays.equals(monthlyPermits, a.monthlyPermits)
                && householdShares.equals(a.householdShares) && java.util.Objects.equals(privateShare, a.privateShare);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(monthlyPermits) * 31 + householdShares.hashCode() * 17 + java.util.Objects.hashCode(privateShare);
    }

    @Override
    public String toString() {
        return "ForecastAssumptions[" + monthlyText() + ", " + sharesText() + ", " + privateShare + "]";
    }
}
