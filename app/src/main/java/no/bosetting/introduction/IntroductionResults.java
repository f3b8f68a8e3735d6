package no.bosetting.introduction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.municipalities.Municipalities;
import no.bosetting.municipalities.Municipality;
import no.bosetting.shared.web.ListPage;
import no.bosetting.shared.web.PageRequest;
import no.bosetting.shared.web.SortKey;
import no.bosetting.statistics.SmallCells;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Results of the introduction programme: per municipality and nationally, how many persons completed it with a
 * status recorded a year later and the share in work or education (the measure the reports compare municipalities
 * by, issue 17). Everything anyone outside the municipality sees goes through the public statistics' small-cell rule,
 * {@link SmallCells} (1–4 withheld, and a share computed from 1–4 persons withheld); the public page publishes only the
 * shares per municipality, no counts, so no withheld cell can be worked out from a total.
 */
@Service
public class IntroductionResults {

    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final java.time.Clock clock;

    public IntroductionResults(JdbcClient jdbc, Municipalities municipalities, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /** The earliest completion year the results are asked for: older than any register this one continues. */
    public static final int FIRST_YEAR = 1990;

    /** The latest completion year the results are asked for: this year (Norwegian time), or a later one that has results. */
    public int lastYear() {
        int thisYear = java.time.LocalDate.now(clock.withZone(no.bosetting.shared.TimeConfig.OSLO)).getYear();
        List<Integer> years = years();
        return years.isEmpty() ? thisYear : Math.max(thisYear, years.get(0));
    }

    /** Whether the results answer for {@code year} (null: every year) — the one rule for the pages and the API. */
    public boolean answersFor(Integer year) {
        return year == null || year >= FIRST_YEAR && year <= lastYear();
    }

    /**
     * One municipality's (or the nation's) results with the small-cell rule applied: a count of 1–4 is null, and so
     * is the share when its base is.
     *
     * @param persons        completed with a status recorded
     * @param byStatus       persons per status (null where withheld)
     * @param workOrEducation persons in work, education or both (null where withheld)
     * @param share          share in work or education, 0–1 (null where withheld or no one)
     */
    public record Row(String municipalityNumber, String name, Integer persons, Map<OutcomeCategory, Integer> byStatus,
                      Integer workOrEducation, Double share) {
    }

    public record Results(Integer year, Row national, ListPage<Row> municipalities) {
    }

    /**
     * The table's one order: by municipality name. The names are the municipalities module's, so SQL orders by each
     * number's place in the name-sorted list bound as {@code :byName}; a number without a name shows as itself, which
     * sorts before every name.
     */
    public static final List<SortKey> ORDER = List.of(new SortKey("name",
            "array_position(cast(:byName as text[]), p.municipality_number::text) nulls first, p.municipality_number",
            "array_position(cast(:byName as text[]), p.municipality_number::text) desc nulls last, p.municipality_number desc"));

    private static final String COMPLETED_IN = """
             from intro_outcome o join intro_participation p on p.person_id = o.person_id
            where (cast(:year as integer) is null or extract(year from p.completed_on) = :year)""";

    /** The years in which someone completed the programme with a status recorded, newest first. */
    public List<Integer> years() {
        return jdbc.sql("""
                select distinct extract(year from p.completed_on)::int from intro_outcome o
                join intro_participation p on p.person_id = o.person_id order by 1 desc""").query(Integer.class).list();
    }

    /**
     * Results of the persons who completed in {@code year} (null = every year), small cells withheld: the nation's, and
     * one page of the municipalities' with the count of all of them. A page past the last shows the last.
     */
    public Results results(Integer year, PageRequest page, Map<String, String> filters) {
        Map<OutcomeCategory, Integer> nation = new EnumMap<>(OutcomeCategory.class);
        jdbc.sql("select o.status, count(*) as n" + COMPLETED_IN + " group by o.status")
                .param("year", year)
                .query(rs -> {
                    nation.put(OutcomeCategory.valueOf(rs.getString("status")), rs.getInt("n"));
                });
        long total = jdbc.sql("select count(distinct p.municipality_number)" + COMPLETED_IN)
                .param("year", year).query(Long.class).single();
        PageRequest shown = page.clampedTo(total);
        List<String> numbers = jdbc.sql("select p.municipality_number" + COMPLETED_IN + " group by p.municipality_number"
                        + " order by " + shown.orderBy() + " limit :l offset :o")
                .param("year", year).param("byName", numbersByName()).param("l", shown.size()).param("o", shown.offset())
                .query(String.class).list();
        Map<String, Map<OutcomeCategory, Integer>> counts = new LinkedHashMap<>();
        numbers.forEach(m -> counts.put(m, new EnumMap<>(OutcomeCategory.class)));
        jdbc.sql("select p.municipality_number, o.status, count(*) as n" + COMPLETED_IN
                        + " and p.municipality_number = any(:numbers) group by p.municipality_number, o.status")
                .param("year", year).param("numbers", numbers.toArray(String[]::new))
                .query(rs -> {
                    counts.get(rs.getString("municipality_number")).put(OutcomeCategory.valueOf(rs.getString("status")), rs.getInt("n"));
                });
        List<Row> rows = new ArrayList<>();
        counts.forEach((m, c) -> rows.add(row(m, municipalities.name(m), c)));
        return new Results(year, row(null, null, nation), shown.result(rows, total, filters));
    }

    private String[] numbersByName() {
        return municipalities.all().stream().sorted(Comparator.comparing(Municipality::name))
                .map(Municipality::number).toArray(String[]::new);
    }

    private static Row row(String number, String name, Map<OutcomeCategory, Integer> c) {
        int persons = c.values().stream().mapToInt(Integer::intValue).sum();
        int good = c.entrySet().stream().filter(e -> e.getKey().workOrEducation()).mapToInt(Map.Entry::getValue).sum();
        Map<OutcomeCategory, Integer> shown = new EnumMap<>(OutcomeCategory.class);
        for (OutcomeCategory s : OutcomeCategory.values()) {
            shown.put(s, SmallCells.count(c.getOrDefault(s, 0)));
        }
        return new Row(number, name, SmallCells.count(persons), shown, SmallCells.count(good),
                SmallCells.derived(persons == 0 ? null : (double) good / persons, persons));
    }

    /**
     * Each municipality's own share in work or education over every year, unsuppressed, with its number of persons:
     * the outcome model's municipality feature (inside the module only; nothing shown reads it).
     */
    Map<String, int[]> ownResults() {
        Map<String, int[]> r = new LinkedHashMap<>();
        jdbc.sql("""
                select p.municipality_number, count(*) as n,
                       count(*) filter (where o.status <> 'NEITHER') as good
                from intro_outcome o join intro_participation p on p.person_id = o.person_id
                group by p.municipality_number""")
                .query(rs -> {
                    r.put(rs.getString("municipality_number"), new int[] {rs.getInt("n"), rs.getInt("good")});
                });
        return r;
    }
}
