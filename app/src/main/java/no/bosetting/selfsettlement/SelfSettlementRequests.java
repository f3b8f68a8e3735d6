package no.bosetting.selfsettlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.housing.HousingOffers;
import no.bosetting.housing.Landlord;
import no.bosetting.shared.TimeConfig;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-settlement requests as the actor may see them: one request, the municipality's list, the agency's queue, a
 * household's requests, the history, and the commands ({@link SelfSettlementCommand}) the actor may issue on one now.
 * The lifecycle — REQUESTED → UNDER_MUNICIPAL_CHECK → FORWARDED → APPROVED | REFUSED, and WITHDRAWN or DWELLING_LOST
 * from any open state — is written by {@link SelfSettlementRegistrations} (registering, withdrawing, a lost
 * dwelling), {@link SelfSettlementChecks} (the municipality's check) and {@link SelfSettlementApprovals} (the
 * agency's decision).
 */
@Service
public class SelfSettlementRequests {

    private static final String SELECT = """
            select r.*, c.reference, c.persons
            from self_settlement_request r join settlement_case c on c.id = r.case_id
            """;

    private final JdbcClient jdbc;
    private final CaseQueries cases;
    private final HousingOffers housing;

    public SelfSettlementRequests(JdbcClient jdbc, CaseQueries cases, HousingOffers housing) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.housing = housing;
    }

    /** One request within the actor's scope: the agency all, a municipality its own, a refugee their household's. */
    @Transactional(readOnly = true)
    public Optional<SelfSettlementRequest> find(Actor actor, long id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query((rs, n) -> map(rs)).optional()
                .filter(r -> inScope(actor, r));
    }

    /**
     * Logs that the actor was shown the request: its page names the household and, in the history, the refugee by DUF
     * number when the refugee registered it. The caller found the request within the actor's scope.
     */
    public void recordRead(SelfSettlementRequest request, Actor actor, String purpose) {
        cases.recordRead(request.caseId(), actor, purpose);
    }

    /** The municipality's list: open requests first, oldest first; the list component's one order. */
    public static final List<no.bosetting.shared.web.SortKey> MUNICIPALITY_ORDER = List.of(new no.bosetting.shared.web.SortKey("received",
            "case when r.status in ('REQUESTED', 'UNDER_MUNICIPAL_CHECK', 'FORWARDED') then 0 else 1 end, r.created_at, r.id",
            "case when r.status in ('REQUESTED', 'UNDER_MUNICIPAL_CHECK', 'FORWARDED') then 0 else 1 end, r.created_at desc, r.id desc"));

    /** One page of the municipality's requests with the count of all (issue 16 point 4: the list cut at 500). */
    @Transactional(readOnly = true)
    public no.bosetting.shared.web.ListPage<SelfSettlementRequest> forMunicipality(Actor actor, no.bosetting.shared.web.PageRequest page,
                                                                                 java.util.Map<String, String> filters) {
        if (actor.role() != Role.MUNICIPALITY_OFFICER) {
            return page.result(List.of(), 0, filters);
        }
        long total = jdbc.sql("select count(*) from self_settlement_request r where r.municipality_number = :m")
                .param("m", actor.municipalityNumber()).query(Long.class).single();
        List<SelfSettlementRequest> rows = jdbc.sql(SELECT + " where r.municipality_number = :m order by " + page.orderBy()
                        + " limit :limit offset :offset")
                .param("m", actor.municipalityNumber()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> map(rs)).list();
        return page.result(rows, total, filters);
    }

    /** The agency's queue: forwarded requests, oldest first. */
    @Transactional(readOnly = true)
    public List<SelfSettlementRequest> queue(Actor actor) {
        if (!actor.isAgency()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where r.status = 'FORWARDED' order by r.forwarded_at, r.id")
                .query((rs, n) -> map(rs)).list();
    }

    /** The agency's latest decided requests, newest first. */
    @Transactional(readOnly = true)
    public List<SelfSettlementRequest> recentlyDecided(Actor actor, int limit) {
        if (!actor.isAgency()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where r.decided_at is not null order by r.decided_at desc, r.id desc limit :l")
                .param("l", limit).query((rs, n) -> map(rs)).list();
    }

    /** Every request of the refugee's own household, newest first. */
    @Transactional(readOnly = true)
    public List<SelfSettlementRequest> forRefugee(Actor actor) {
        return ownCase(actor).map(c -> forCase(c.id())).orElse(List.of());
    }

    /** Every request of a household, newest first (for the agency's case page and the refugee's own page). */
    @Transactional(readOnly = true)
    public List<SelfSettlementRequest> forCase(long caseId) {
        return jdbc.sql(SELECT + " where r.case_id = :c order by r.created_at desc, r.id desc").param("c", caseId)
                .query((rs, n) -> map(rs)).list();
    }

    @Transactional(readOnly = true)
    public List<RequestHistoryEntry> history(long requestId) {
        return jdbc.sql("""
                select occurred_at, actor, actor_role, command, from_status, to_status, reason
                from self_settlement_request_history where request_id = :id order by occurred_at, id
                """)
                .param("id", requestId)
                .query((rs, n) -> new RequestHistoryEntry(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5) == null ? null : RequestStatus.valueOf(rs.getString(5)),
                        RequestStatus.valueOf(rs.getString(6)), rs.getString(7)))
                .list();
    }

    /** The municipality of each case's approved self-found dwelling (issue 23: the approved dwelling into the round). */
    public java.util.Map<Long, String> approvedMunicipalities(java.util.Collection<Long> caseIds) {
        java.util.Map<Long, String> approved = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return approved;
        }
        jdbc.sql("""
                select case_id, approved_municipality from self_settlement_request
                where status = 'APPROVED' and approved_municipality is not null and case_id in (:ids)
                """)
                .param("ids", caseIds).query((rs, n) -> approved.put(rs.getLong(1), rs.getString(2))).list();
        return approved;
    }

    /** Persons approved for ASB in a municipality for a place year. */
    public int approvedPersons(String municipalityNumber, int year) {
        return jdbc.sql("""
                select coalesce(sum(approved_persons), 0) from self_settlement_request
                where status = 'APPROVED' and approved_municipality = :m and place_year = :y
                """)
                .param("m", municipalityNumber).param("y", year).query(Integer.class).single();
    }

    /** The refugee's own household (by their DUF number), if any. */
    @Transactional(readOnly = true)
    public Optional<CaseSummary> ownCase(Actor actor) {
        if (actor.role() != Role.REFUGEE || actor.dufNumber().isEmpty()) {
            return Optional.empty();
        }
        return cases.search(CaseFilter.none(), actor, 0, 1).items().stream().findFirst();
    }

    /** Whether the landlord is on the municipality's rejected list in the housing register (by name or e-mail). */
    public boolean landlordRejected(Actor officer, String name, String email) {
        for (Landlord l : housing.landlords(officer, true)) {
            if (name != null && l.name() != null && l.name().trim().equalsIgnoreCase(name.trim())) {
                return true;
            }
            if (email != null && l.email() != null && l.email().trim().equalsIgnoreCase(email.trim())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The commands the actor may issue on the request now, in declaration order; the caller found the request within
     * the actor's scope. Pages offer exactly these.
     */
    public List<SelfSettlementCommand> validCommands(Actor actor, SelfSettlementRequest request) {
        return Transition.valid(SelfSettlementCommand.class, actor, request.status());
    }

    private boolean inScope(Actor actor, SelfSettlementRequest r) {
        return switch (actor.role()) {
            case AGENCY_CASEWORKER, AGENCY_PLANNER, AGENCY_ADMIN -> true;
            case MUNICIPALITY_OFFICER -> actor.isMunicipality(r.municipalityNumber());
            case REFUGEE -> ownCase(actor).map(c -> c.id() == r.caseId()).orElse(false);
            default -> false;
        };
    }

    private static SelfSettlementRequest map(ResultSet rs) throws SQLException {
        OffsetDateTime forwarded = rs.getObject("forwarded_at", OffsetDateTime.class);
        String result = rs.getString("inspection_result");
        String refusal = rs.getString("refusal_reason");
        return new SelfSettlementRequest(rs.getLong("id"), rs.getLong("case_id"), rs.getString("reference"), rs.getInt("persons"),
                rs.getString("municipality_number"), RequestStatus.valueOf(rs.getString("status")), rs.getString("address"),
                rs.getString("landlord_name"), rs.getString("landlord_email"), rs.getObject("lease_start", LocalDate.class),
                rs.getInt("monthly_rent"), rs.getInt("rooms"), rs.getString("registered_by_role"),
                new RequestChecklist(rs.getBoolean("lease_terms_ok"), rs.getBoolean("rent_within_limit"),
                        rs.getBoolean("property_register_ok"), rs.getBoolean("independent_dwelling"),
                        rs.getObject("inspection_date", LocalDate.class), result == null ? null : InspectionResult.valueOf(result)),
                rs.getBoolean("landlord_rejected"), forwarded, rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decided_by"), rs.getString("approved_municipality"),
                refusal == null ? null : RefusalReason.valueOf(refusal), rs.getString("refusal_text"),
                rs.getObject("created_at", OffsetDateTime.class),
                forwarded == null ? null : DecisionTarget.due(forwarded.atZoneSameInstant(TimeConfig.OSLO).toLocalDate()));
    }
}
