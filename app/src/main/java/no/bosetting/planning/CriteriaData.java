package no.bosetting.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.indicators.Indicator;
import no.bosetting.indicators.IndicatorValue;
import no.bosetting.indicators.IndicatorValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where each request criterion gets its number, written once: the planner's own figure when entered, otherwise the
 * indicator tables (the latest year at or before the planning year), otherwise a default that the request page names.
 *
 * <ul>
 * <li>Labour market: average unemployment of the municipalities with a figure ÷ the municipality's own, kept within
 * {@value #MIN_FACTOR}–{@value #MAX_FACTOR} (lower unemployment asks for more). Default 1.0.</li>
 * <li>Introduction-programme results: the municipality's share in work or education ÷ the average, kept within the
 * same bounds. Default 1.0.</li>
 * <li>Immigrant share: the figure itself, so the closure at the criteria's share applies. Default none (no closure).</li>
 * <li>Settlement experience: persons settled in the five years before the planning year — IMDi's numbers for the
 * years the indicator tables cover, the system's own registered settlements for the other years.</li>
 * </ul>
 * A factor other than 1.0 or an immigrant share stored with the request inputs is the planner's and wins over data.
 */
@Component
public class CriteriaData {

    static final double MIN_FACTOR = 0.5;
    static final double MAX_FACTOR = 2.0;

    public enum Criterion { LABOUR_MARKET, INTRODUCTION, IMMIGRANT_SHARE, EXPERIENCE }

    public enum Origin { DATA, PLANNER, SYSTEM, DEFAULT }

    /**
     * How one criterion got its number for one municipality.
     *
     * @param used     the factor, share or persons per 1,000 used (null: no immigrant share)
     * @param figure   the indicator's own value (unemployment %, share in work %, immigrant %), when from data
     * @param average  the average the factor compares with, when a factor is derived
     * @param parts    for settlement experience: which years came from which source
     */
    public record Use(Criterion criterion, Origin origin, Double used, Double figure, Integer dataYear, String source, String tableId,
                      Double average, int municipalitiesWithData, List<Part> parts) {
    }

    /** A span of the settlement-experience years and where its persons came from (source null: the system's own). */
    public record Part(int fromYear, int toYear, int persons, String source, String tableId, int yearsMissing, String note) {
        public boolean fromData() {
            return source != null;
        }
    }

    private final IndicatorValues indicators;
    private final ObjectProvider<SettlementHistory> history;

    public CriteriaData(IndicatorValues indicators, ObjectProvider<SettlementHistory> history) {
        this.indicators = indicators;
        this.history = history;
    }

    /** The inputs with the numbers the data supplies where the planner has entered none. */
    public List<RequestInput> apply(int year, List<RequestInput> inputs) {
        Snapshot s = new Snapshot(year);
        return inputs.stream().map(in -> s.apply(in)).toList();
    }

    /** How each criterion of the municipality's request got its number, for the request page. */
    public List<Use> uses(int year, RequestInput stored) {
        return new Snapshot(year).uses(stored);
    }

    /** Persons settled in the experience years, IMDi's numbers where covered and the system's otherwise. */
    public int settledInExperienceYears(int year, String municipalityNumber) {
        return new Snapshot(year).experienceParts(municipalityNumber).stream().mapToInt(Part::persons).sum();
    }

    /** The figures of one planning year, read once. */
    private final class Snapshot {
        private final int year;
        private final Map<String, IndicatorValue> unemployment;
        private final Map<String, IndicatorValue> introduction;
        private final Map<String, IndicatorValue> immigrantShare;
        private final double unemploymentAverage;
        private final double introductionAverage;
        /** IMDi's settled persons by year (only years the tables cover) and municipality. */
        private final Map<Integer, Map<String, IndicatorValue>> settledByYear = new HashMap<>();
        /** The system's own settled persons by year, for the years IMDi's numbers do not cover. */
        private final Map<Integer, Map<String, Integer>> systemByYear = new HashMap<>();

        Snapshot(int year) {
            this.year = year;
            unemployment = indicators.latest(Indicator.UNEMPLOYMENT, year);
            introduction = indicators.latest(Indicator.INTRODUCTION_RESULTS, year);
            immigrantShare = indicators.latest(Indicator.IMMIGRANT_SHARE, year);
            unemploymentAverage = average(unemployment);
            introductionAverage = average(introduction);
            int from = year - CapacityRequests.EXPERIENCE_YEARS;
            for (IndicatorValue v : indicators.series(Indicator.SETTLED, from, year - 1)) {
                settledByYear.computeIfAbsent(v.year(), y -> new HashMap<>()).put(v.municipalityNumber(), v);
            }
            SettlementHistory own = history.getIfAvailable();
            for (int y = from; y < year; y++) {
                if (!settledByYear.containsKey(y)) {
                    systemByYear.put(y, own == null ? Map.of() : own.settledPersons(y, y));
                }
            }
        }

        RequestInput apply(RequestInput in) {
            double labour = in.labourMarketFactor() != 1.0 ? in.labourMarketFactor() : labourFactor(in.municipalityNumber());
            double intro = in.introductionFactor() != 1.0 ? in.introductionFactor() : introductionFactor(in.municipalityNumber());
            Double share = in.immigrantShare() != null ? in.immigrantShare()
                    : immigrantShare.containsKey(in.municipalityNumber()) ? immigrantShare.get(in.municipalityNumber()).asDouble() : null;
            Double settled = null;
            if (!settledByYear.isEmpty()) {
                int persons = experienceParts(in.municipalityNumber()).stream().mapToInt(Part::persons).sum();
                settled = in.population() > 0 ? persons * 1000.0 / in.population() : 0.0;
            }
            return in.withData(labour, intro, share, settled, sources(in));
        }

        /** A compact, language-neutral record of where each criterion's number came from, kept with each request version. */
        private String sources(RequestInput in) {
            String m = in.municipalityNumber();
            StringBuilder b = new StringBuilder();
            b.append("labourMarket ").append(in.labourMarketFactor() != 1.0 ? "planner" : figure(unemployment.get(m)));
            b.append(", introduction ").append(in.introductionFactor() != 1.0 ? "planner" : figure(introduction.get(m)));
            b.append(", immigrantShare ").append(in.immigrantShare() != null ? "planner" : figure(immigrantShare.get(m)));
            b.append(", experience ");
            if (in.settledPer1000Entered() != null) {
                b.append("planner");
            } else {
                List<String> spans = new ArrayList<>();
                for (Part p : experienceParts(m)) {
                    spans.add((p.fromYear() == p.toYear() ? "" + p.fromYear() : p.fromYear() + "-" + p.toYear())
                            + (p.fromData() ? " " + p.tableId() : " system"));
                }
                b.append(String.join(" + ", spans));
            }
            return b.toString();
        }

        private static String figure(IndicatorValue v) {
            return v == null ? "missing (default)" : v.tableId() + " " + v.year();
        }

        private double labourFactor(String number) {
            IndicatorValue v = unemployment.get(number);
            if (v == null) {
                return 1.0;
            }
            return v.asDouble() <= 0 ? MAX_FACTOR : bounded(unemploymentAverage / v.asDouble());
        }

        private double introductionFactor(String number) {
            IndicatorValue v = introduction.get(number);
            return v == null || introductionAverage <= 0 ? 1.0 : bounded(v.asDouble() / introductionAverage);
        }

        List<Use> uses(RequestInput stored) {
            String m = stored.municipalityNumber();
            RequestInput used = apply(stored);
            List<Use> uses = new ArrayList<>();
            uses.add(factorUse(Criterion.LABOUR_MARKET, stored.labourMarketFactor(), used.labourMarketFactor(), unemployment.get(m),
                    unemploymentAverage, unemployment.size()));
            uses.add(factorUse(Criterion.INTRODUCTION, stored.introductionFactor(), used.introductionFactor(), introduction.get(m),
                    introductionAverage, introduction.size()));
            IndicatorValue share = immigrantShare.get(m);
            if (stored.immigrantShare() != null) {
                uses.add(new Use(Criterion.IMMIGRANT_SHARE, Origin.PLANNER, stored.immigrantShare(), null, null, null, null, null, 0, List.of()));
            } else if (share != null) {
                uses.add(new Use(Criterion.IMMIGRANT_SHARE, Origin.DATA, share.asDouble(), share.asDouble(), share.year(), share.source(),
                        share.tableId(), null, immigrantShare.size(), List.of()));
            } else {
                uses.add(new Use(Criterion.IMMIGRANT_SHARE, Origin.DEFAULT, null, null, null, null, null, null, immigrantShare.size(), List.of()));
            }
            List<Part> parts = experienceParts(m);
            Origin experience = stored.settledPer1000Entered() != null ? Origin.PLANNER
                    : parts.stream().anyMatch(Part::fromData) ? Origin.DATA : Origin.SYSTEM;
            uses.add(new Use(Criterion.EXPERIENCE, experience, used.settledPer1000(), null, null, null, null, null, 0, parts));
            return uses;
        }

        private Use factorUse(Criterion criterion, double stored, double used, IndicatorValue v, double average, int count) {
            if (stored != 1.0) {
                return new Use(criterion, Origin.PLANNER, stored, null, null, null, null, null, count, List.of());
            }
            if (v == null) {
                return new Use(criterion, Origin.DEFAULT, 1.0, null, null, null, null, null, count, List.of());
            }
            return new Use(criterion, Origin.DATA, used, v.asDouble(), v.year(), v.source(), v.tableId(), average, count, List.of());
        }

        /** The experience years in spans of one source each, oldest first. */
        List<Part> experienceParts(String number) {
            List<Part> parts = new ArrayList<>();
            for (int y = year - CapacityRequests.EXPERIENCE_YEARS; y < year; y++) {
                Map<String, IndicatorValue> data = settledByYear.get(y);
                Part part;
                if (data != null) {
                    IndicatorValue v = data.get(number);
                    String source = v != null ? v.source() : data.values().iterator().next().source();
                    String table = v != null ? v.tableId() : data.values().iterator().next().tableId();
                    part = new Part(y, y, v == null ? 0 : v.asInt(), source, table, v == null ? 1 : 0, v == null ? null : v.note());
                } else {
                    part = new Part(y, y, systemByYear.getOrDefault(y, Map.of()).getOrDefault(number, 0), null, null, 0, null);
                }
                Part last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
                if (last != null && java.util.Objects.equals(last.source(), part.source()) && last.note() == null && part.note() == null) {
                    parts.set(parts.size() - 1, new Part(last.fromYear(), y, last.persons() + part.persons(), last.source(), last.tableId(),
                            last.yearsMissing() + part.yearsMissing(), null));
                } else {
                    parts.add(part);
                }
            }
            return parts;
        }
    }

    private static double average(Map<String, IndicatorValue> values) {
        return values.values().stream().mapToDouble(IndicatorValue::asDouble).average().orElse(0.0);
    }

    private static double bounded(double factor) {
        return Math.round(Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, factor)) * 100) / 100.0;
    }
}
