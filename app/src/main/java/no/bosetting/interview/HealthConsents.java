package no.bosetting.interview;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import no.bosetting.access.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent to gather and pass on health information, per person, dated, with who recorded it (report 004 line 32:
 * health information only with the refugee's consent; line 59: IMDi passes it to the settling municipality). The
 * table is append-only; a person's consent now is their newest row, the older rows are its history.
 */
@Service
public class HealthConsents {

    private final JdbcClient jdbc;
    private final Clock clock;

    public HealthConsents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One person's consent as it stands: given or not, since when, recorded by whom and when. */
    public record Consent(long personId, boolean given, LocalDate consentDate, OffsetDateTime recordedAt, String recordedBy) {
    }

    /** The newest consent row of each member of the case that has one. */
    public Map<Long, Consent> current(long caseId) {
        return jdbc.sql("""
                select distinct on (person_id) person_id, given, consent_date, recorded_at, recorded_by
                from health_consent where case_id = :c order by person_id, id desc
                """)
                .param("c", caseId)
                .query((rs, n) -> new Consent(rs.getLong("person_id"), rs.getBoolean("given"),
                        rs.getObject("consent_date", LocalDate.class), rs.getObject("recorded_at", OffsetDateTime.class),
                        rs.getString("recorded_by")))
                .list().stream().collect(Collectors.toMap(Consent::personId, Function.identity()));
    }

    /** The members whose consent is given now. */
    public Set<Long> consenting(long caseId) {
        return current(caseId).values().stream().filter(Consent::given).map(Consent::personId).collect(Collectors.toSet());
    }

    /**
     * Sets the members' consent as the interview records it: a member in {@code consenting} has given consent on
     * {@code date} unless their consent is already given (it keeps its own date); any other member with consent now
     * has withdrawn it. Only changes are written. Runs inside the interview's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(long caseId, Collection<Long> members, Set<Long> consenting, LocalDate date, Actor actor) {
        Map<Long, Consent> now = current(caseId);
        OffsetDateTime at = OffsetDateTime.now(clock);
        for (Long person : members) {
            boolean wanted = consenting.contains(person);
            Consent had = now.get(person);
            boolean has = had != null && had.given();
            if (wanted == has || had == null && !wanted) {
                continue;
            }
            jdbc.sql("""
                    insert into health_consent (case_id, person_id, given, consent_date, recorded_at, recorded_by)
                    values (:c, :p, :g, :d, :at, :by)
                    """)
                    .param("c", caseId).param("p", person).param("g", wanted).param("d", wanted ? date : null)
                    .param("at", at).param("by", actor.username()).update();
        }
    }

    /** Every consent row of the case, oldest first: the history. */
    public List<Consent> history(long caseId) {
        return jdbc.sql("""
                select person_id, given, consent_date, recorded_at, recorded_by from health_consent
                where case_id = :c order by id
                """)
                .param("c", caseId)
                .query((rs, n) -> new Consent(rs.getLong("person_id"), rs.getBoolean("given"),
                        rs.getObject("consent_date", LocalDate.class), rs.getObject("recorded_at", OffsetDateTime.class),
                        rs.getString("recorded_by")))
                .list();
    }
}
