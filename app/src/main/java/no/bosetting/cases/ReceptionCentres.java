package no.bosetting.cases;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ReceptionCentres {

    private final JdbcClient jdbc;

    public ReceptionCentres(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ReceptionCentre> all() {
        return jdbc.sql("select id, name, kind, municipality_number from reception_centre order by name")
                .query((rs, n) -> new ReceptionCentre(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public Optional<ReceptionCentre> find(long id) {
        return jdbc.sql("select id, name, kind, municipality_number from reception_centre where id = :id")
                .param("id", id)
                .query((rs, n) -> new ReceptionCentre(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    @Transactional
    public long create(String name, String kind, String municipalityNumber) {
        return jdbc.sql("""
                insert into reception_centre (name, kind, municipality_number) values (:n, :k, :m)
                on conflict (name) do update set kind = excluded.kind returning id
                """)
                .param("n", name).param("k", kind).param("m", municipalityNumber)
                .query(Long.class).single();
    }
}
