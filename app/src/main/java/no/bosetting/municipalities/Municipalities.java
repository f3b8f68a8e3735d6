package no.bosetting.municipalities;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The 357 municipalities, their counties and neighbours: reference data loaded by migration. */
@Service
public class Municipalities {

    private static final String SELECT = """
            select m.number, m.name, m.county_number, c.name as county_name, m.population, m.centrality
            from municipality m join county c on c.number = m.county_number
            """;

    private final JdbcClient jdbc;
    private volatile Map<String, Municipality> byNumber;
    private volatile List<Municipality> inOrder;

    public Municipalities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In number order; sorted once (pages ask for it on every view). */
    public List<Municipality> all() {
        List<Municipality> local = inOrder;
        if (local == null) {
            local = cache().values().stream().sorted((a, b) -> a.number().compareTo(b.number())).toList();
            inOrder = local;
        }
        return local;
    }

    public Optional<Municipality> find(String number) {
        return number == null ? Optional.empty() : Optional.ofNullable(cache().get(number));
    }

    public String name(String number) {
        return find(number).map(Municipality::name).orElse(number);
    }

    public List<String> neighbours(String number) {
        return jdbc.sql("select neighbour_number from municipality_neighbour where municipality_number = :n order by 1")
                .param("n", number).query(String.class).list();
    }

    private Map<String, Municipality> cache() {
        Map<String, Municipality> local = byNumber;
        if (local == null) {
            // Reference data changes only by migration, so it is read once.
            local = jdbc.sql(SELECT)
                    .query((rs, n) -> new Municipality(rs.getString("number"), rs.getString("name"),
                            rs.getString("county_number"), rs.getString("county_name"), rs.getInt("population"),
                            rs.getInt("centrality")))
                    .list().stream().collect(Collectors.toUnmodifiableMap(Municipality::number, Function.identity()));
            byNumber = local;
        }
        return local;
    }
}
