package no.bosetting.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Case references (and persons' names) for a whole page or export in one statement each, for other modules' lists:
 * asked per case, they were one query per line. No read is logged here: the caller logs the persons it shows.
 */
@Service
public class CaseReferences {

    private final JdbcClient jdbc;

    CaseReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person's full name (null once removed from the household) and their case's reference. */
    public record NameAndReference(String fullName, String caseReference) {
    }

    /** The full name of each listed person (null once removed from the household) and the reference of their case. */
    public Map<Long, NameAndReference> namesAndReferences(Collection<Long> personIds) {
        Map<Long, NameAndReference> found = new HashMap<>();
        if (!personIds.isEmpty()) {
            jdbc.sql("""
                    select p.id, case when p.removed_on is null then p.given_name || ' ' || p.family_name end, c.reference
                    from person p join settlement_case c on c.id = p.case_id where p.id in (:ids)""")
                    .param("ids", List.copyOf(new LinkedHashSet<>(personIds)))
                    .query((rs, n) -> found.put(rs.getLong(1), new NameAndReference(rs.getString(2), rs.getString(3)))).list();
        }
        return found;
    }

    /** The reference of each listed case (no personal data). */
    public Map<Long, String> references(Collection<Long> caseIds) {
        Map<Long, String> found = new HashMap<>();
        if (!caseIds.isEmpty()) {
            jdbc.sql("select id, reference from settlement_case where id in (:ids)")
                    .param("ids", List.copyOf(new LinkedHashSet<>(caseIds)))
                    .query((rs, n) -> found.put(rs.getLong(1), rs.getString(2))).list();
        }
        return found;
    }
}
