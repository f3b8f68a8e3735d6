package no.bosetting.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.access.Role;
import no.bosetting.shared.web.ListPage;
import no.bosetting.shared.web.PageRequest;
import no.bosetting.shared.web.SortKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of cases, always within the actor's scope: the agency sees all, a reception centre the households
 * living in it now and not yet settled ({@link ReceptionScope}), a municipality the households it has accepted.
 * Out of scope reads as "not found".
 */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

    static final String SUMMARY_COLUMNS = """
            c.id, c.reference, c.status, c.household_type, c.persons, c.children, c.unaccompanied_minor,
            c.living_situation, c.permit_type, c.permit_date, c.reception_centre_id, rc.name as reception_centre_name,
            c.living_municipality_number, c.settlement_municipality, c.closed_reason,
            case when c.status in (%s) then null
                 else coalesce((select max(h.from_date) from residence_history h join person p on p.id = h.person_id
                      where p.case_id = c.id and h.kind = 'SETTLED_IN_MUNICIPALITY' and c.status = 'SETTLED'),
                     (select (max(h.occurred_at) at time zone 'Europe/Oslo')::date from case_history h
                      where h.case_id = c.id and h.to_status = c.status)) end as ended_on
            """.formatted(ReceptionScope.quoted(ReceptionScope.STATUSES));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonAccessLog accessLog;
    private final ProtectedAddress protection;

    public CaseQueries(JdbcClient jdbc, Clock clock, PersonAccessLog accessLog, ProtectedAddress protection) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accessLog = accessLog;
        this.protection = protection;
    }

    /** Open statuses first (0), then the settled, declined and closed (1): active cases lead every default order. */
    static final String OPEN_FIRST = "(case when c.status in (" + ReceptionScope.quoted(ReceptionScope.STATUSES) + ") then 0 else 1 end)";

    /**
     * The case list's sortable columns (issue 16 point 7). Days waiting count only for open cases, so every order
     * keeps the active cases first; ties fall back to the case id so paging is stable.
     */
    public static final List<SortKey> SORT_KEYS = List.of(
            new SortKey("waited", OPEN_FIRST + ", c.permit_date desc, c.id desc", OPEN_FIRST + ", c.permit_date, c.id"),
            new SortKey("permit", "c.permit_date, c.id", "c.permit_date desc, c.id desc"),
            new SortKey("status", "array_position(array[" + ReceptionScope.quoted(java.util.EnumSet.allOf(CaseStatus.class))
                    + "]::text[], c.status), c.permit_date, c.id",
                    "array_position(array[" + ReceptionScope.quoted(java.util.EnumSet.allOf(CaseStatus.class))
                    + "]::text[], c.status) desc, c.permit_date, c.id"),
            // By municipality number (the numbers group the municipalities by county); names belong to the municipalities module.
            new SortKey("municipality", "c.settlement_municipality nulls last, c.permit_date, c.id",
                    "c.settlement_municipality desc nulls last, c.permit_date, c.id"),
            new SortKey("reference", "c.reference, c.id", "c.reference desc, c.id desc"));

    /** The default order: active cases first, the longest waiting first. */
    public static final String DEFAULT_SORT = "-waited";

    public Page<CaseSummary> search(CaseFilter filter, Actor actor, int page, int size) {
        var result = list(filter, actor, "c.permit_date, c.id", size, (long) page * size);
        return new Page<>(result.getValue(), page, size, result.getKey());
    }

    /** One page of the case list in the requested order, with the count of every case the filter matches. */
    public ListPage<CaseSummary> page(CaseFilter filter, Actor actor, PageRequest request, Map<String, String> filters) {
        var result = list(filter, actor, request.orderBy(), request.size(), request.offset());
        return request.result(result.getValue(), result.getKey(), filters);
    }

    private Map.Entry<Long, List<CaseSummary>> list(CaseFilter filter, Actor actor, String orderBy, int limit, long offset) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where true");
        if (!scope(actor, where, params)) {
            return Map.entry(0L, List.of());
        }
        LocalDate today = LocalDate.now(clock);
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.municipalityNumber() != null && !filter.municipalityNumber().isBlank()) {
            where.append(" and (c.settlement_municipality = :m or c.living_municipality_number = :m or rc.municipality_number = :m)");
            params.put("m", filter.municipalityNumber());
            if (!protection.maySee(actor)) {
                // A protected household is never found by where it lives (issue 18 item 4).
                where.append(" and (c.settlement_municipality = :m or not exists (select 1 from person pp where pp.case_id = c.id"
                        + " and pp.removed_on is null and pp.address_protection is not null))");
            }
        }
        if (filter.minWaitedDays() != null) {
            where.append(" and c.permit_date <= :maxPermit");
            params.put("maxPermit", today.minusDays(filter.minWaitedDays()));
        }
        if (filter.maxWaitedDays() != null) {
            where.append(" and c.permit_date >= :minPermit");
            params.put("minPermit", today.minusDays(filter.maxWaitedDays()));
        }
        if (filter.householdType() != null) {
            where.append(" and c.household_type = :ht");
            params.put("ht", filter.householdType().name());
        }
        if (filter.unaccompaniedMinor() != null) {
            where.append(" and c.unaccompanied_minor = :um");
            params.put("um", filter.unaccompaniedMinor());
        }
        if (filter.livingSituation() != null) {
            where.append(" and c.living_situation = :ls");
            params.put("ls", filter.livingSituation().name());
        }
        if (filter.receptionCentreId() != null) {
            where.append(" and c.reception_centre_id = :rcid");
            params.put("rcid", filter.receptionCentreId());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            // A case reference (part of it), any identity number a member has or has had (DUF, D-number, national id),
            // or a member's name (part of it): reception staff find a resident by name (issue 16 point 8).
            where.append(" and (c.reference ilike :text or c.id in (select p.case_id from person p where p.removed_on is null"
                    + " and (p.duf_number = :number or p.id in (select i.person_id from person_identity i where i.value = :number)"
                    + " or (p.given_name || ' ' || p.family_name) ilike :text)))");
            params.put("text", "%" + filter.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("number", filter.text().replace(" ", "").trim());
        }
        String from = " from settlement_case c left join reception_centre rc on rc.id = c.reception_centre_id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        params.put("limit", limit);
        params.put("offset", offset);
        List<CaseSummary> items = jdbc.sql("select " + SUMMARY_COLUMNS + from + where
                        + " order by " + orderBy + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> summary(rs, today))
                .list();
        return Map.entry(total, protection.forActor(items, actor, "saksliste"));
    }

    /**
     * The name of each listed household's main person, for reception staff's list of their own residents (issue 16
     * point 8). The rows come from {@link #page}, so they are in the actor's scope; every name shown is a logged read.
     */
    public Map<Long, String> residentNames(List<CaseSummary> rows, Actor actor, String purpose) {
        if (rows.isEmpty() || actor.role() != Role.RECEPTION_STAFF) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        List<Long> personIds = new java.util.ArrayList<>();
        jdbc.sql("""
                select distinct on (p.case_id) p.case_id, p.id, p.given_name || ' ' || p.family_name
                from person p where p.case_id in (:cases) and p.removed_on is null
                order by p.case_id, case p.relation when 'MAIN' then 0 when 'SPOUSE' then 1 else 2 end, p.birth_date, p.id
                """)
                .param("cases", rows.stream().map(CaseSummary::id).toList())
                .query((rs, n) -> {
                    names.put(rs.getLong(1), rs.getString(3));
                    personIds.add(rs.getLong(2));
                    return null;
                }).list();
        accessLog.recordRead(actor, personIds, purpose);
        return names;
    }

    /** Adds the actor's scope to the query; false when the actor may see no cases at all. */
    private static boolean scope(Actor actor, StringBuilder where, Map<String, Object> params) {
        if (actor.isAgency()) {
            return true;
        }
        if (actor.role() == Role.RECEPTION_STAFF) {
            if (actor.receptionCentreId() == null) {
                return false;
            }
            // Only the households living in the centre now, on their way to settlement (ReceptionScope).
            where.append(" and ").append(ReceptionScope.sql("c", "scopeCentre"));
            params.put("scopeCentre", actor.receptionCentreId());
            return true;
        }
        if (actor.role() == Role.MUNICIPALITY_OFFICER) {
            where.append(" and c.settlement_municipality = :scopeMunicipality and c.status in ('OFFERED', 'SETTLED', 'TEMPORARILY_ABSENT')");
            params.put("scopeMunicipality", actor.municipalityNumber());
            return true;
        }
        if (actor.role() == Role.REFUGEE && actor.dufNumber().isPresent()) {
            // A refugee sees the household they belong to, and nothing else.
            where.append(" and c.id in (select p.case_id from person p where p.duf_number = :scopeDuf and p.removed_on is null)");
            params.put("scopeDuf", actor.dufNumber().get());
            return true;
        }
        return false;
    }

    public Optional<CaseSummary> summary(long caseId, Actor actor) {
        // Asked by every panel of the case page: read once per page and actor (shared.RequestMemo).
        return no.bosetting.shared.RequestMemo.onceOptional("case-summary:" + caseId + ":" + actor, () -> readSummary(caseId, actor));
    }

    private Optional<CaseSummary> readSummary(long caseId, Actor actor) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where c.id = :id");
        params.put("id", caseId);
        if (!scope(actor, where, params)) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        Optional<CaseSummary> found = jdbc.sql("select " + SUMMARY_COLUMNS + " from settlement_case c left join reception_centre rc on rc.id = c.reception_centre_id" + where)
                .params(params).query((rs, n) -> summary(rs, today)).optional();
        // A protected address: hidden unless the actor is designated (issue 18 item 4); the system's own reads see it.
        return "system".equals(actor.username()) ? found : found.map(s -> protection.forActor(s, actor, "sak"));
    }

    /** The full case with identities; logs the read of every member. */
    public Optional<CaseDetail> detail(long caseId, Actor actor, String purpose) {
        Optional<CaseSummary> summary = summary(caseId, actor);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        List<PersonView> persons = persons(caseId);
        accessLog.recordRead(actor, persons.stream().map(PersonView::id).toList(), purpose);
        String closedReason = jdbc.sql("select closed_reason from settlement_case where id = :id").param("id", caseId)
                .query(String.class).optional().orElse(null);
        List<ResidenceEntry> residences = residences(caseId);
        if (protection.hides(actor, caseId)) {
            // Where a protected household has lived says where it lives: left out for anyone not designated.
            residences = residences.stream().map(r -> new ResidenceEntry(r.personId(), r.kind(), null, null, r.fromDate(), r.toDate()))
                    .toList();
        }
        return Optional.of(new CaseDetail(summary.get(), persons, history(caseId), residences, closedReason));
    }

    /**
     * Logs a read of the household's persons for a page or endpoint that shows them without {@link #detail}: the
     * interview, a profile with interview answers, a self-settlement request, an attachment of the case's thread.
     * The caller has checked the actor's scope.
     */
    public void recordRead(long caseId, Actor actor, String purpose) {
        accessLog.recordRead(actor, personIds(caseId), purpose);
    }

    /** Members without identities, for anonymised profiles (no access log needed). */
    public List<AnonymousMember> anonymousMembers(long caseId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select birth_date, sex, citizenship, relation from person where case_id = :id and removed_on is null order by case relation when 'MAIN' then 0 when 'SPOUSE' then 1 else 2 end, birth_date")
                .param("id", caseId)
                .query((rs, n) -> new AnonymousMember(Period.between(rs.getObject("birth_date", LocalDate.class), today).getYears(),
                        rs.getString("sex").charAt(0), rs.getString("citizenship"), Relation.valueOf(rs.getString("relation"))))
                .list();
    }

    /**
     * The anonymised members keyed by person id, in profile order with ties broken by id, so "member n"
     * of a profile maps to one person on the server. The ids must not be shown before acceptance.
     */
    public Map<Long, AnonymousMember> anonymousMembersByPerson(long caseId) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, AnonymousMember> members = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, birth_date, sex, citizenship, relation from person where case_id = :id and removed_on is null order by case relation when 'MAIN' then 0 when 'SPOUSE' then 1 else 2 end, birth_date, id")
                .param("id", caseId)
                .query((rs, n) -> members.put(rs.getLong("id"), new AnonymousMember(
                        Period.between(rs.getObject("birth_date", LocalDate.class), today).getYears(), rs.getString("sex").charAt(0),
                        rs.getString("citizenship"), Relation.valueOf(rs.getString("relation")))))
                .list();
        return members;
    }

    /** The unscoped status, for other modules' rules (no personal data). */
    public Optional<CaseSummary> summaryForSystem(long caseId) {
        return summary(caseId, Actor.system());
    }

    /** Why a closed case was closed ({@link CloseReason} name), if it was; no person data. */
    public Optional<String> closedReason(long caseId) {
        return jdbc.sql("select closed_reason from settlement_case where id = :id").param("id", caseId)
                .query(String.class).optional().filter(java.util.Objects::nonNull);
    }

    public List<Long> personIds(long caseId) {
        return jdbc.sql("select id from person where case_id = :id and removed_on is null order by id").param("id", caseId).query(Long.class).list();
    }

    /** The members with identities, for a page that shows them by name; the caller has checked scope and logs the read. */
    public List<PersonView> members(long caseId) {
        return persons(caseId);
    }

    List<PersonView> persons(long caseId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select id, duf_number, national_id, d_number, given_name, family_name, birth_date, sex, citizenship,
                       relation, phone, email
                from person where case_id = :id and removed_on is null
                order by case relation when 'MAIN' then 0 when 'SPOUSE' then 1 else 2 end, birth_date
                """)
                .param("id", caseId)
                .query((rs, n) -> {
                    LocalDate birth = rs.getObject("birth_date", LocalDate.class);
                    return new PersonView(rs.getLong("id"), rs.getString("duf_number"), rs.getString("national_id"),
                            rs.getString("d_number"), rs.getString("given_name"), rs.getString("family_name"), birth,
                            rs.getString("sex").charAt(0), rs.getString("citizenship"), Relation.valueOf(rs.getString("relation")),
                            rs.getString("phone"), rs.getString("email"), Period.between(birth, today).getYears());
                })
                .list();
    }

    public List<CaseHistoryEntry> history(long caseId) {
        return jdbc.sql("select occurred_at, actor, actor_role, command, from_status, to_status, reason from case_history where case_id = :id order by occurred_at, id")
                .param("id", caseId)
                .query((rs, n) -> new CaseHistoryEntry(rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("actor_role"), rs.getString("command"),
                        rs.getString("from_status") == null ? null : CaseStatus.valueOf(rs.getString("from_status")),
                        CaseStatus.valueOf(rs.getString("to_status")), rs.getString("reason")))
                .list();
    }

    List<ResidenceEntry> residences(long caseId) {
        return jdbc.sql("""
                select h.person_id, h.kind, rc.name, h.municipality_number, h.from_date, h.to_date
                from residence_history h join person p on p.id = h.person_id
                left join reception_centre rc on rc.id = h.reception_centre_id
                where p.case_id = :id order by h.person_id, h.from_date, h.id
                """)
                .param("id", caseId)
                .query((rs, n) -> new ResidenceEntry(rs.getLong(1), LivingSituation.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
                .list();
    }

    /** Counts of open cases per status, within scope. */
    public Map<CaseStatus, Long> countByStatus(Actor actor) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where true");
        Map<CaseStatus, Long> counts = new java.util.EnumMap<>(CaseStatus.class);
        if (!scope(actor, where, params)) {
            return counts;
        }
        jdbc.sql("select c.status, count(*) from settlement_case c" + where + " group by c.status").params(params)
                .query((rs, n) -> counts.put(CaseStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** The open or latest case of the household a DUF number belongs to (unscoped: for the refugee's own pages and linking). */
    public Optional<Long> caseIdForDuf(String dufNumber) {
        return jdbc.sql("select p.case_id from person p join settlement_case c on c.id = p.case_id where p.duf_number = :d and p.removed_on is null order by c.created_at desc, c.id desc limit 1")
                .param("d", dufNumber).query(Long.class).optional();
    }

    /** The DUF number of the person with this national identity or D-number, for ID-porten sign-in. */
    public Optional<String> dufForNationalId(String nationalId) {
        // Any number the person has had (a D-number replaced by a national identity number still signs in).
        return jdbc.sql("""
                select p.duf_number from person p where p.removed_on is null and (p.national_id = :n or p.d_number = :n
                    or p.id in (select person_id from person_identity where value = :n))
                order by p.id desc limit 1
                """)
                .param("n", nationalId).query(String.class).optional().map(String::trim);
    }

    /** The person id and full name behind a DUF number, for the refugee's own sign-in (the caller logs the read). */
    public Optional<Map.Entry<Long, String>> personForDuf(String dufNumber) {
        return jdbc.sql("select id, given_name || ' ' || family_name from person where duf_number = :d order by id desc limit 1")
                .param("d", dufNumber)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).optional();
    }

    /** A few DUF numbers of main persons in different statuses, for the demo sign-in page only. */
    public List<String> exampleDufNumbers(int limit) {
        return jdbc.sql("""
                select duf_number from (
                    select distinct on (c.status) p.duf_number, c.status
                    from person p join settlement_case c on c.id = p.case_id
                    where p.relation = 'MAIN' and p.duf_number is not null
                    order by c.status, c.id) x
                order by status limit :l
                """)
                .param("l", limit).query(String.class).list();
    }


    /**
     * A household living privately that the actor's municipality maps ({@link MappingScope}), for the interview; empty
     * for anyone else. The caller logs the read when it shows persons.
     */
    public Optional<CaseSummary> mappedByMunicipality(long caseId, Actor actor) {
        if (actor.role() != Role.MUNICIPALITY_OFFICER) {
            return Optional.empty();
        }
        return summaryForSystem(caseId).filter(s -> MappingScope.sees(actor, s) && !protection.isProtected(caseId));
    }

    /**
     * Open cases under mapping, with where the household lives and the day it came into mapping (the permit's import,
     * or the acceptance of a private resident's application), for the interview work items.
     */
    public List<InMapping> inMapping() {
        return jdbc.sql("""
                select c.id, c.reference, c.living_situation,
                       case when p.protected then null else c.reception_centre_id end,
                       case when p.protected then null else c.living_municipality_number end, c.status_changed_at
                from settlement_case c
                -- A protected household's interview is the agency's (its designated caseworkers'), never where it lives.
                cross join lateral (select exists (select 1 from person pp where pp.case_id = c.id and pp.removed_on is null
                                                   and pp.address_protection is not null) as protected) p
                where c.status = 'UNDER_MAPPING' order by c.id
                """)
                .query((rs, n) -> new InMapping(rs.getLong(1), rs.getString(2), LivingSituation.valueOf(rs.getString(3)),
                        (Long) rs.getObject(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toLocalDate()))
                .list();
    }

    /** A case under mapping: where the household lives and since when the case is in mapping. */
    public record InMapping(long caseId, String reference, LivingSituation livingSituation, Long receptionCentreId,
                            String livingMunicipalityNumber, LocalDate mappingSince) {
    }

    /** Households living privately that wait for their application to be accepted (for the application deadline). */
    public List<PrivateResident> privateResidentsAwaitingApplication() {
        return jdbc.sql("""
                select c.id, p.duf_number, c.permit_date from settlement_case c join person p on p.case_id = c.id and p.relation = 'MAIN'
                where c.status = 'AWAITING_APPLICATION' and p.duf_number is not null
                order by c.permit_date, c.id
                """)
                .query((rs, n) -> new PrivateResident(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class))).list();
    }

    /**
     * Open cases of households living privately, under mapping (those already in the flow before the application
     * decided) or waiting for their application, with the main person's DUF number (for deadline rules).
     */
    public List<PrivateResident> privateResidentsUnderMapping() {
        return jdbc.sql("""
                select c.id, p.duf_number, c.permit_date from settlement_case c join person p on p.case_id = c.id and p.relation = 'MAIN'
                where c.living_situation = 'PRIVATE' and c.status in ('UNDER_MAPPING', 'AWAITING_APPLICATION') and p.duf_number is not null
                order by c.permit_date, c.id
                """)
                .query((rs, n) -> new PrivateResident(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class))).list();
    }

    /** A household living privately: the case, its main person's DUF number and the permit date. */
    public record PrivateResident(long caseId, String dufNumber, LocalDate permitDate) {
    }

    static CaseSummary summary(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate permitDate = rs.getObject("permit_date", LocalDate.class);
        CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
        HouseholdType type = HouseholdType.valueOf(rs.getString("household_type"));
        long waited = ChronoUnit.DAYS.between(permitDate, today);
        boolean longWaiting = status.isOpen() && SettlementTarget.isLongWaiting(permitDate, type, today);
        return new CaseSummary(rs.getLong("id"), rs.getString("reference"), status, type, rs.getInt("persons"),
                rs.getInt("children"), rs.getBoolean("unaccompanied_minor"), LivingSituation.valueOf(rs.getString("living_situation")),
                PermitType.valueOf(rs.getString("permit_type")), permitDate, waited, longWaiting,
                (Long) rs.getObject("reception_centre_id"), rs.getString("reception_centre_name"),
                rs.getString("living_municipality_number"), rs.getString("settlement_municipality"),
                rs.getObject("ended_on", LocalDate.class));
    }
}
