package no.bosetting.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import no.bosetting.access.Actor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.access.Transition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The household page and API read: members with identities and address; every read is in the access log. */
@Service
public class HouseholdQueries {

    private final JdbcClient jdbc;
    private final CaseQueries queries;
    private final IdentityNumbers identities;
    private final PersonAccessLog accessLog;
    private final ProtectedAddress protection;

    HouseholdQueries(JdbcClient jdbc, CaseQueries queries, IdentityNumbers identities, PersonAccessLog accessLog,
                     ProtectedAddress protection) {
        this.protection = protection;
        this.jdbc = jdbc;
        this.queries = queries;
        this.identities = identities;
        this.accessLog = accessLog;
    }

    @Transactional
    public Optional<HouseholdView> household(long caseId, Actor actor, String purpose) {
        Optional<CaseSummary> summary = queries.summary(caseId, actor);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, PersonView> persons = queries.persons(caseId).stream().collect(Collectors.toMap(PersonView::id, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
        Map<Long, HouseholdView.Member> members = new java.util.LinkedHashMap<>();
        persons.keySet().forEach(id -> members.put(id, null));
        // A protected address is never read out for anyone not designated (issue 18 item 4: ProtectedAddress).
        boolean hidden = protection.hides(actor, caseId);
        jdbc.sql("""
                select id, address_line, postal_code, postal_place, address_municipality, address_from, joined_reason, joined_on,
                       address_protection
                from person where case_id = :c and removed_on is null
                """)
                .param("c", caseId)
                .query((rs, n) -> members.put(rs.getLong(1), new HouseholdView.Member(persons.get(rs.getLong(1)),
                        hidden ? null : rs.getString(2), hidden ? null : rs.getString(3), hidden ? null : rs.getString(4),
                        hidden ? null : rs.getString(5), hidden ? null : rs.getObject(6, LocalDate.class),
                        rs.getString(7) == null ? null : JoinReason.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class),
                        identities.history(rs.getLong(1)),
                        rs.getString(9) == null ? null : AddressProtection.valueOf(rs.getString(9)))))
                .list();
        List<HouseholdView.Removed> removed = jdbc.sql("""
                select id, given_name || ' ' || family_name, removed_on, removed_reason from person
                where case_id = :c and removed_on is not null order by removed_on, id
                """)
                .param("c", caseId)
                .query((rs, n) -> new HouseholdView.Removed(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4)))
                .list();
        List<Long> read = new java.util.ArrayList<>(persons.keySet());
        removed.forEach(r -> read.add(r.id()));
        accessLog.recordRead(actor, read, purpose);
        List<CaseCommand> commands = !protection.mayAct(actor, caseId) ? List.of()
                : Transition.valid(CaseCommand.class, actor, summary.get().status()).stream().filter(c -> c.target() == null).toList();
        return Optional.of(new HouseholdView(summary.get(), List.copyOf(members.values()), removed, commands, hidden,
                protection.maySee(actor) && actor.role() != no.bosetting.access.Role.REFUGEE));
    }
}
