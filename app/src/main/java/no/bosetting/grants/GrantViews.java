package no.bosetting.grants;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.planning.PlanForecast;
import no.bosetting.planning.PlanForecasts;
import no.bosetting.planning.PlanningScenario;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the municipality and the agency see: a municipality's grants for this year and the next four, expected from
 * settled persons and from accepted households not yet settled, per person and in total with the rates used; the
 * national sum per year; and the forecast from the planning scenario (persons per year from {@code PlanForecast}).
 */
@Service
public class GrantViews {

    public static final int YEARS = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final GrantRates rates;
    private final PlanForecasts forecasts;

    public GrantViews(JdbcClient jdbc, Clock clock, GrantRates rates, PlanForecasts forecasts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rates = rates;
        this.forecasts = forecasts;
    }

    /** One calendar year's sum: from settled persons and from accepted households not yet settled. */
    public record YearSum(int year, BigDecimal settled, BigDecimal expected, int persons) {
        public BigDecimal total() {
            return settled.add(expected);
        }
    }

    /** One person's row on the municipality's page: their amounts for the five years. */
    public record PersonRow(long personId, long caseId, GrantCategory category, LocalDate settledOn, LocalDate plannedOn,
                            List<BigDecimal> amounts) {
        public boolean expected() {
            return settledOn == null;
        }

        public BigDecimal total() {
            return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public int firstYear() {
        return LocalDate.now(clock).getYear();
    }

    /** The municipality's sums for the five years from {@code from}. */
    public List<YearSum> municipalityYears(String municipality, int from) {
        return sums("l.municipality_number = :m", municipality, from, from + YEARS - 1);
    }

    /** The national sums from {@code from} to {@code to}. */
    public List<YearSum> nationalYears(int from, int to) {
        return sums("true", null, from, to);
    }

    private List<YearSum> sums(String where, String municipality, int from, int to) {
        Map<Integer, YearSum> byYear = new java.util.TreeMap<>();
        for (int y = from; y <= to; y++) {
            byYear.put(y, new YearSum(y, BigDecimal.ZERO, BigDecimal.ZERO, 0));
        }
        var spec = jdbc.sql("""
                select l.calendar_year, coalesce(sum(l.amount) filter (where not l.expected), 0), coalesce(sum(l.amount) filter (where l.expected), 0),
                       count(distinct s.person_id)
                from grant_schedule s join grant_schedule_line l on l.schedule_id = s.id
                where s.current and l.calendar_year between :from and :to and """ + " " + where + " group by l.calendar_year")
                .param("from", from).param("to", to);
        if (municipality != null) {
            spec = spec.param("m", municipality);
        }
        spec.query((rs, n) -> byYear.put(rs.getInt(1), new YearSum(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4)))).list();
        return new ArrayList<>(byYear.values());
    }

    public long countPersons(String municipality, int from) {
        return jdbc.sql("""
                select count(distinct s.person_id) from grant_schedule s join grant_schedule_line l on l.schedule_id = s.id
                where s.current and l.municipality_number = :m and l.calendar_year between :from and :to
                """).param("m", municipality).param("from", from).param("to", from + YEARS - 1).query(Long.class).single();
    }

    /** The persons with amounts for the municipality in the five years, settled first by date, a page of them. */
    public List<PersonRow> municipalityPersons(String municipality, int from, long offset, int limit) {
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < YEARS; i++) {
            columns.append(", coalesce(sum(l.amount) filter (where l.calendar_year = ").append(from + i).append("), 0)");
        }
        return jdbc.sql("select s.person_id, s.case_id, s.category, s.settled_on, s.planned_on" + columns + """
                 from grant_schedule s join grant_schedule_line l on l.schedule_id = s.id
                where s.current and l.municipality_number = :m and l.calendar_year between :from and :to
                group by s.person_id, s.case_id, s.category, s.settled_on, s.planned_on
                order by s.settled_on nulls last, s.planned_on, s.case_id, s.person_id offset :o limit :l
                """).param("m", municipality).param("from", from).param("to", from + YEARS - 1).param("o", offset).param("l", limit)
                .query((rs, n) -> {
                    List<BigDecimal> amounts = new ArrayList<>();
                    for (int i = 0; i < YEARS; i++) {
                        amounts.add(rs.getBigDecimal(6 + i));
                    }
                    String c = rs.getString(3);
                    return new PersonRow(rs.getLong(1), rs.getLong(2), c == null ? null : GrantCategory.valueOf(c),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), amounts);
                }).list();
    }

    /** The rates the municipality's lines in the five years used. */
    public List<GrantRate> ratesUsed(String municipality, int from) {
        List<Long> ids = jdbc.sql("""
                select distinct l.rate_id from grant_schedule s join grant_schedule_line l on l.schedule_id = s.id
                where s.current and l.municipality_number = :m and l.calendar_year between :from and :to and l.rate_id is not null
                """).param("m", municipality).param("from", from).param("to", from + YEARS - 1).query(Long.class).list();
        return ids.stream().map(rates::find).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(GrantRate::kind).thenComparing(r -> r.category() == null ? "" : r.category().name())
                        .thenComparing(r -> r.schemeYear() == null ? 0 : r.schemeYear()).thenComparing(GrantRate::validFrom)).toList();
    }

    /** Lines whose rate was missing in the five years (shown so nobody believes a sum that lacks them). */
    public long missingRates(String municipality, int from) {
        return jdbc.sql("""
                select count(*) from grant_schedule s join grant_schedule_line l on l.schedule_id = s.id
                where s.current and (:m is null or l.municipality_number = :m) and l.calendar_year between :from and :to and l.rate_id is null
                """).param("m", municipality, java.sql.Types.CHAR).param("from", from).param("to", from + YEARS - 1).query(Long.class).single();
    }

    /**
     * One forecast year: the continuing years of persons settled before this year, plus the planning scenario's persons
     * of each year from this one on at the average rate of their scheme year (the category mix of the persons settled
     * in the last five years).
     */
    public record ForecastYear(int year, BigDecimal continuing, BigDecimal fromScenario, List<Integer> scenarioPersons, boolean scenarioMissing) {
        public BigDecimal total() {
            return continuing.add(fromScenario);
        }
    }

    public List<ForecastYear> forecast(PlanningScenario.Kind kind) {
        int first = firstYear();
        Map<GrantCategory, Long> mix = categoryMix(first);
        Map<Integer, Integer> personsByYear = new java.util.HashMap<>();
        boolean missing = false;
        for (int y = first; y < first + YEARS; y++) {
            Optional<PlanForecast.Result> r = forecasts.forecast(y, kind);
            personsByYear.put(y, r.map(PlanForecast.Result::neededInYear).orElse(0));
            missing |= r.isEmpty();
        }
        RateBook book = rates.book();
        List<ForecastYear> years = new ArrayList<>();
        for (int y = first; y < first + YEARS; y++) {
            BigDecimal continuing = jdbc.sql("""
                    select coalesce(sum(l.amount), 0) from grant_schedule s join grant_schedule_line l on l.schedule_id = s.id
                    where s.current and not l.expected and s.settled_on < :start and l.calendar_year = :y
                    """).param("start", LocalDate.of(first, 1, 1)).param("y", y).query(BigDecimal.class).single();
            BigDecimal fromScenario = BigDecimal.ZERO;
            List<Integer> cohorts = new ArrayList<>();
            for (int c = first; c <= y; c++) {
                int persons = personsByYear.get(c);
                cohorts.add(persons);
                fromScenario = fromScenario.add(averageRate(book, mix, y - c + 1, LocalDate.of(y, 1, 1)).multiply(BigDecimal.valueOf(persons)));
            }
            years.add(new ForecastYear(y, continuing, fromScenario.setScale(0, RoundingMode.HALF_UP), cohorts,
                    missing));
        }
        return years;
    }

    /** The categories of the persons settled in the five years before {@code year}; every category once when there are none. */
    Map<GrantCategory, Long> categoryMix(int year) {
        Map<GrantCategory, Long> mix = new EnumMap<>(GrantCategory.class);
        jdbc.sql("select category, count(*) from grant_schedule where current and category is not null and settled_on >= :from group by category")
                .param("from", LocalDate.of(year - YEARS, 1, 1))
                .query((rs, n) -> mix.put(GrantCategory.valueOf(rs.getString(1)), rs.getLong(2))).list();
        if (mix.isEmpty()) {
            for (GrantCategory c : GrantCategory.values()) {
                mix.put(c, 1L);
            }
        }
        return mix;
    }

    static BigDecimal averageRate(RateBook book, Map<GrantCategory, Long> mix, int schemeYear, LocalDate day) {
        BigDecimal sum = BigDecimal.ZERO;
        long weight = 0;
        for (Map.Entry<GrantCategory, Long> e : mix.entrySet()) {
            Optional<GrantRate> r = book.rate(GrantKind.INTEGRATION, e.getKey(), schemeYear, day);
            if (r.isPresent()) {
                sum = sum.add(r.get().amount().multiply(BigDecimal.valueOf(e.getValue())));
                weight += e.getValue();
            }
        }
        return weight == 0 ? BigDecimal.ZERO : sum.divide(BigDecimal.valueOf(weight), 2, RoundingMode.HALF_UP);
    }
}
