package no.bosetting.selfsettlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.PermitType;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.housing.HousingOffers;
import no.bosetting.housing.Landlord;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.planning.CapacityDecision;
import no.bosetting.planning.CapacityDecisions;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.TimeConfig;
import no.bosetting.shared.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-settlement requests and their lifecycle: REQUESTED → UNDER_MUNICIPAL_CHECK → FORWARDED →
 * APPROVED | REFUSED, and WITHDRAWN or DWELLING_LOST from any open state. Every command locks the
 * request, checks role, scope, state and rules, returns a typed failure when refused, and writes the
 * request's history and a line in the case history. Approval makes the settlement decisions against
 * the municipality's decided number exactly like an accepted proposal, under the same row lock.
 */
@Service
public class SelfSettlementRequests {

    private static final String SELECT = """
            select r.*, c.reference, c.persons
            from self_settlement_request r join settlement_case c on c.id = r.case_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final CaseCommands caseCommands;
    private final SettlementDecisions decisions;
    private final CapacityDecisions capacity;
    private final Municipalities municipalities;
    private final SelfSettlementSettings settings;
    private final SelfSettlementWindows windows;
    private final HousingOffers housing;
    private final Outbox outbox;
    private final UserAccounts users;
    private final PersonAccessLog accessLog;

    public SelfSettlementRequests(JdbcClient jdbc, Clock clock, CaseQueries cases, CaseCommands caseCommands,
                                  SettlementDecisions decisions, CapacityDecisions capacity, Municipalities municipalities,
                                  SelfSettlementSettings settings, SelfSettlementWindows windows, HousingOffers housing,
                                  Outbox outbox, UserAccounts users, PersonAccessLog accessLog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.caseCommands = caseCommands;
        this.decisions = decisions;
        this.capacity = capacity;
        this.municipalities = municipalities;
        this.settings = settings;
        this.windows = windows;
        this.housing = housing;
        this.outbox = outbox;
        this.users = users;
        this.accessLog = accessLog;
    }

    // ---- queries ---------------------------------------------------------------------------------

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

    @Transactional(readOnly = true)
    public List<SelfSettlementRequest> forMunicipality(Actor actor) {
        if (actor.role() != Role.MUNICIPALITY_OFFICER) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                 where r.municipality_number = :m
                 order by case when r.status in ('REQUESTED', 'UNDER_MUNICIPAL_CHECK', 'FORWARDED') then 0 else 1 end,
                          r.created_at, r.id limit 500
                """).param("m", actor.municipalityNumber()).query((rs, n) -> map(rs)).list();
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

    // ---- commands --------------------------------------------------------------------------------

    /**
     * Registers a request: by the refugee for their own household, or by the municipality on the
     * refugee's behalf, naming the refugee by DUF number. Open only after the permit and before any
     * agreement with a municipality, not to unaccompanied minors or resettlement refugees, and only
     * where the municipality accepts ASB.
     *
     * <p>A municipality may name only a household in {@linkplain #mayRegisterFor its registration scope}; every
     * other DUF number — another municipality's household, an unaccompanied minor, or a number nobody has —
     * gets one and the same neutral answer, so the form reveals nothing outside the scope. Every look-up by a
     * municipality is written to the access log with the number typed, whatever the answer.
     */
    @Transactional
    public CommandResult<Long> register(Actor actor, String dufNumber, RequestData data) {
        Optional<CaseSummary> found;
        if (actor.role() == Role.REFUGEE) {
            found = ownCase(actor);
        } else if (actor.role() == Role.MUNICIPALITY_OFFICER) {
            if (dufNumber == null || !dufNumber.trim().matches("\\d{12}")) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("dufNumber", "selfsettlement.error.duf"));
            }
            String duf = dufNumber.trim();
            found = cases.search(CaseFilter.none(), Actor.refugee(duf, "-"), 0, 1).items().stream().findFirst();
            boolean inScope = found.isPresent() && mayRegisterFor(actor, found.get());
            accessLog.recordLookup(actor, duf, cases.personForDuf(duf).map(Map.Entry::getKey).orElse(null),
                    "selvbosetting: kommunen slo opp DUF-nummer for å registrere forespørsel ("
                            + (inScope ? "i kommunens område" : found.isPresent() ? "utenfor kommunens område" : "ukjent nummer")
                            + ")");
            if (!inScope) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("dufNumber", "selfsettlement.error.duf.notInScope"));
            }
            if (data != null && !actor.isMunicipality(data.municipalityNumber())) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("municipalityNumber", "selfsettlement.error.ownMunicipality"));
            }
        } else {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (found.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", "-"));
        }
        CaseSummary c = found.get();
        CommandResult<Void> eligible = eligibility(c);
        if (!eligible.isSuccess()) {
            return CommandResult.fail(eligible.failure());
        }
        CommandResult<Void> valid = validate(data);
        if (!valid.isSuccess()) {
            return CommandResult.fail(valid.failure());
        }
        if (!settings.accepts(data.municipalityNumber())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("municipalityNumber", "selfsettlement.error.notAccepting",
                    municipalities.name(data.municipalityNumber())));
        }
        // Serialise registrations of one household through its case row, so it never has two open requests.
        jdbc.sql("select id from settlement_case where id = :id for update").param("id", c.id()).query(Long.class).single();
        long open = jdbc.sql("select count(*) from self_settlement_request where case_id = :c and status in ('REQUESTED', 'UNDER_MUNICIPAL_CHECK', 'FORWARDED')")
                .param("c", c.id()).query(Long.class).single();
        if (open > 0) {
            return CommandResult.fail(CommandFailure.WrongState.of("OPEN", "selfsettlement.error.alreadyOpen"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                insert into self_settlement_request (case_id, municipality_number, status, address, landlord_name, landlord_email,
                    lease_start, monthly_rent, rooms, registered_by_role, created_at, created_by, updated_at, updated_by)
                values (:c, :m, 'REQUESTED', :address, :landlord, :email, :start, :rent, :rooms, :role, :now, :by, :now, :by)
                returning id
                """)
                .param("c", c.id()).param("m", data.municipalityNumber()).param("address", data.address().trim())
                .param("landlord", data.landlordName().trim())
                .param("email", data.landlordEmail() == null || data.landlordEmail().isBlank() ? null : data.landlordEmail().trim())
                .param("start", data.leaseStart()).param("rent", data.monthlyRent()).param("rooms", data.rooms())
                .param("role", actor.role().name()).param("now", now).param("by", actor.username())
                .query(Long.class).single();
        String reason = "Forespørsel om avtalt selvbosetting i " + municipalities.name(data.municipalityNumber())
                + (actor.role() == Role.REFUGEE ? " (registrert av flyktningen)" : " (registrert av kommunen)");
        history(id, actor, "REGISTER", null, RequestStatus.REQUESTED, reason);
        caseCommands.note(c.id(), actor, "SELF_SETTLEMENT_REQUESTED", reason);
        if (actor.role() == Role.REFUGEE) {
            notifyMunicipality(data.municipalityNumber(), "Ny forespørsel om avtalt selvbosetting",
                    "Husstand " + c.reference() + " ber om avtalt selvbosetting i en privat bolig.", c.id());
        }
        return CommandResult.ok(id);
    }

    /** The municipality starts checking the dwelling and lease. */
    @Transactional
    public CommandResult<RequestStatus> startCheck(Actor actor, long id) {
        return transition(actor, id, "START_CHECK", RequestStatus.UNDER_MUNICIPAL_CHECK, null, Role.MUNICIPALITY_OFFICER,
                List.of(RequestStatus.REQUESTED));
    }

    /** Locks a request the actor's municipality is checking (or has yet to start checking). */
    private CommandResult<SelfSettlementRequest> lockForMunicipalCheck(Actor actor, long id) {
        Optional<SelfSettlementRequest> locked = lockInScope(actor, id);
        if (locked.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("selfsettlement.error.notFound", id));
        }
        if (actor.role() != Role.MUNICIPALITY_OFFICER) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        SelfSettlementRequest r = locked.get();
        if (r.status() != RequestStatus.REQUESTED && r.status() != RequestStatus.UNDER_MUNICIPAL_CHECK) {
            return CommandResult.fail(CommandFailure.WrongState.of(r.status().name(), "selfsettlement.error.wrongState"));
        }
        return CommandResult.ok(r);
    }

    /** Saves the municipality's checklist (while it checks); the rejected-landlord check is looked up now. */
    @Transactional
    public CommandResult<SelfSettlementRequest> saveChecklist(Actor actor, long id, RequestChecklist checklist) {
        CommandResult<SelfSettlementRequest> checking = lockForMunicipalCheck(actor, id);
        if (!checking.isSuccess()) {
            return CommandResult.fail(checking.failure());
        }
        SelfSettlementRequest r = checking.value();
        CommandResult<Void> dates = checkInspection(checklist, false);
        if (!dates.isSuccess()) {
            return CommandResult.fail(dates.failure());
        }
        if (r.status() == RequestStatus.REQUESTED) {
            moveTo(actor, r, "START_CHECK", RequestStatus.UNDER_MUNICIPAL_CHECK, null);
        }
        storeChecklist(actor, r, checklist);
        history(id, actor, "SAVE_CHECKLIST", RequestStatus.UNDER_MUNICIPAL_CHECK, RequestStatus.UNDER_MUNICIPAL_CHECK,
                describe(checklist));
        return CommandResult.ok(find(actor, id).orElseThrow());
    }

    /** Forwards the request to the agency: the checklist must be complete and the landlord not rejected. */
    @Transactional
    public CommandResult<RequestStatus> forward(Actor actor, long id, RequestChecklist checklist) {
        CommandResult<SelfSettlementRequest> checking = lockForMunicipalCheck(actor, id);
        if (!checking.isSuccess()) {
            return CommandResult.fail(checking.failure());
        }
        SelfSettlementRequest r = checking.value();
        if (!checklist.leaseTermsOk()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("leaseTermsOk", "selfsettlement.error.check.leaseTerms"));
        }
        Integer limit = settings.find(r.municipalityNumber()).map(SelfSettlementSetting::rentLimit).orElse(null);
        if (limit != null && r.monthlyRent() > limit) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("rentWithinLimit", "selfsettlement.error.check.rentOverLimit",
                    r.monthlyRent(), limit));
        }
        if (!checklist.rentWithinLimit()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("rentWithinLimit", "selfsettlement.error.check.rent"));
        }
        if (!checklist.propertyRegisterOk()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("propertyRegisterOk", "selfsettlement.error.check.register"));
        }
        if (landlordRejected(actor, r.landlordName(), r.landlordEmail())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("landlord", "selfsettlement.error.check.landlordRejected"));
        }
        if (!checklist.independentDwelling()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("independentDwelling", "selfsettlement.error.check.independent"));
        }
        CommandResult<Void> inspection = checkInspection(checklist, true);
        if (!inspection.isSuccess()) {
            return CommandResult.fail(inspection.failure());
        }
        if (!settings.accepts(r.municipalityNumber())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("", "selfsettlement.error.notAccepting",
                    municipalities.name(r.municipalityNumber())));
        }
        if (r.status() == RequestStatus.REQUESTED) {
            moveTo(actor, r, "START_CHECK", RequestStatus.UNDER_MUNICIPAL_CHECK, null);
        }
        storeChecklist(actor, r, checklist);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("update self_settlement_request set forwarded_at = :now where id = :id").param("now", now).param("id", id).update();
        moveTo(actor, r, "FORWARD", RequestStatus.FORWARDED, "Kommunen har godkjent bolig og leiekontrakt: " + describe(checklist));
        return CommandResult.ok(RequestStatus.FORWARDED);
    }

    /** The municipality refuses (before forwarding), with a reason. */
    @Transactional
    public CommandResult<RequestStatus> refuseByMunicipality(Actor actor, long id, RefusalReason reason, String text) {
        return refuse(actor, id, reason, text, Role.MUNICIPALITY_OFFICER,
                List.of(RequestStatus.REQUESTED, RequestStatus.UNDER_MUNICIPAL_CHECK), "MUNICIPALITY_REFUSE");
    }

    /** The agency refuses a forwarded request, with a reason. */
    @Transactional
    public CommandResult<RequestStatus> refuseByAgency(Actor actor, long id, RefusalReason reason, String text) {
        return refuse(actor, id, reason, text, Role.AGENCY_CASEWORKER, List.of(RequestStatus.FORWARDED), "AGENCY_REFUSE");
    }

    /** The refugee withdraws their own request. */
    @Transactional
    public CommandResult<RequestStatus> withdraw(Actor actor, long id) {
        return transition(actor, id, "WITHDRAW", RequestStatus.WITHDRAWN, "Trukket av flyktningen", Role.REFUGEE,
                List.copyOf(RequestStatus.OPEN));
    }

    /** The dwelling was lost before a decision: recorded by the refugee, the municipality or the agency. */
    @Transactional
    public CommandResult<RequestStatus> dwellingLost(Actor actor, long id, String note) {
        Optional<SelfSettlementRequest> locked = lockInScope(actor, id);
        if (locked.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("selfsettlement.error.notFound", id));
        }
        if (!(actor.role() == Role.REFUGEE || actor.role() == Role.MUNICIPALITY_OFFICER || actor.is(Role.AGENCY_CASEWORKER))) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        SelfSettlementRequest r = locked.get();
        if (!r.status().isOpen()) {
            return CommandResult.fail(CommandFailure.WrongState.of(r.status().name(), "selfsettlement.error.wrongState"));
        }
        close(actor, r);
        moveTo(actor, r, "DWELLING_LOST", RequestStatus.DWELLING_LOST,
                "Boligen er tapt" + (note == null || note.isBlank() ? "" : ": " + note.trim()));
        return CommandResult.ok(RequestStatus.DWELLING_LOST);
    }

    /**
     * The agency approves a forwarded request in the requested municipality, or in a neighbouring one
     * when the requested municipality is full. In one transaction: the capacity decision is locked, the
     * ASB cap and the decided number are checked, the case goes to OFFERED and the settlement decisions
     * take the places (planned date = lease start, or today when the lease has already started).
     */
    @Transactional
    public CommandResult<RequestStatus> approve(Actor actor, long id, String municipalityNumber, String note) {
        Optional<SelfSettlementRequest> locked = lockInScope(actor, id);
        if (locked.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("selfsettlement.error.notFound", id));
        }
        if (!actor.is(Role.AGENCY_CASEWORKER)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        SelfSettlementRequest r = locked.get();
        if (r.status() != RequestStatus.FORWARDED) {
            return CommandResult.fail(CommandFailure.WrongState.of(r.status().name(), "selfsettlement.error.wrongState"));
        }
        String target = municipalityNumber == null || municipalityNumber.isBlank() ? r.municipalityNumber() : municipalityNumber.trim();
        boolean neighbour = !target.equals(r.municipalityNumber());
        if (neighbour && !municipalities.neighbours(r.municipalityNumber()).contains(target)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("municipalityNumber", "selfsettlement.error.notNeighbour",
                    municipalities.name(target), municipalities.name(r.municipalityNumber())));
        }
        if (!settings.accepts(target)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("municipalityNumber", "selfsettlement.error.notAccepting",
                    municipalities.name(target)));
        }
        CaseSummary c = cases.summaryForSystem(r.caseId()).orElseThrow();
        if (c.status() == CaseStatus.PROPOSED) {
            return CommandResult.fail(CommandFailure.WrongState.of(c.status().name(), "selfsettlement.error.openProposal", c.reference()));
        }
        if (c.status() == CaseStatus.OFFERED || c.status() == CaseStatus.SETTLED) {
            return CommandResult.fail(CommandFailure.WrongState.of(c.status().name(), "selfsettlement.error.alreadyAllocated", c.reference()));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate planned = r.leaseStart().isBefore(today) ? today : r.leaseStart();
        int year = planned.getYear();
        String reason = "Avtalt selvbosetting godkjent i " + municipalities.name(target)
                + (neighbour ? " (nabokommune, " + municipalities.name(r.municipalityNumber()) + " er full)" : "")
                + (note == null || note.isBlank() ? "" : ": " + note.trim());
        // The case row is locked first (as an acceptance does), then the capacity decision: the same order
        // everywhere, so concurrent approvals and acceptances wait for each other instead of deadlocking.
        CommandResult<CaseStatus> moved = caseCommands.approveSelfSettlement(r.caseId(), actor, target, reason);
        if (!moved.isSuccess()) {
            return CommandResult.fail(moved.failure());
        }
        Optional<CapacityDecision> decision = capacity.lock(target, year);
        if (decision.isEmpty()) {
            throw new CommandFailedException(CommandFailure.RuleBroken.of("municipalityNumber", "error.capacity.noDecision",
                    municipalities.name(target), year));
        }
        int cap = settings.find(target).orElseThrow().capFor(decision.get().persons());
        int asbUsed = approvedPersons(target, year);
        if (asbUsed + c.persons() > cap) {
            throw new CommandFailedException(CommandFailure.RuleBroken.of("municipalityNumber", "selfsettlement.error.capReached",
                    municipalities.name(target), year, cap, asbUsed, c.persons()));
        }
        int used = decisions.placesUsed(target, year).used();
        if (used + c.persons() > decision.get().persons()) {
            throw new CommandFailedException(CommandFailure.RuleBroken.of("municipalityNumber", "error.capacity.exceeded",
                    municipalities.name(target), year, decision.get().persons(), used, c.persons()));
        }
        Map<Long, LocalDate> dates = new HashMap<>();
        for (Long person : cases.personIds(r.caseId())) {
            dates.put(person, planned);
        }
        CommandResult<List<Long>> offered = decisions.offer(r.caseId(), null, target, dates, actor, null);
        if (!offered.isSuccess()) {
            throw new CommandFailedException(offered.failure());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update self_settlement_request set approved_municipality = :m, approved_persons = :p, place_year = :y,
                    decided_at = :now, decided_by = :by where id = :id
                """)
                .param("m", target).param("p", c.persons()).param("y", year).param("now", now).param("by", actor.username())
                .param("id", id).update();
        moveTo(actor, r, "APPROVE", RequestStatus.APPROVED, reason);
        windows.closeFor(r.caseId(), actor, "APPROVED");
        notifyMunicipality(target, "Avtalt selvbosetting godkjent",
                "Husstand " + r.caseReference() + " er godkjent for bosetting i " + municipalities.name(target)
                        + ". Planlagt bosettingsdato: " + planned + ".", r.caseId());
        return CommandResult.ok(RequestStatus.APPROVED);
    }

    // ---- internals -------------------------------------------------------------------------------

    private void notifyMunicipality(String municipalityNumber, String subject, String body, long caseId) {
        for (String officer : users.usernamesForMunicipality(municipalityNumber)) {
            outbox.enqueue("NOTIFICATION", officer, subject, body, caseId);
        }
    }

    /**
     * The households a municipality may register a request for on the refugee's behalf: those living in the
     * municipality now (privately, in AMOT/MAMOT, or in a reception centre there — the refugee comes to the
     * municipality where they are), and those whose settlement municipality it already is (it knows them by name
     * after accepting). Never an unaccompanied minor: agreed self-settlement is not open to them, and their
     * numbers get the same answer as an unknown one. Anyone else registers their own request on My page.
     */
    static boolean mayRegisterFor(Actor officer, CaseSummary c) {
        if (officer.role() != Role.MUNICIPALITY_OFFICER || c.unaccompaniedMinor()) {
            return false;
        }
        return officer.isMunicipality(c.livingMunicipalityNumber()) || officer.isMunicipality(c.settlementMunicipality());
    }

    /** Whether the household may ask for ASB now (typed failure naming the rule when not). */
    CommandResult<Void> eligibility(CaseSummary c) {
        if (c.unaccompaniedMinor()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("", "selfsettlement.error.minor"));
        }
        if (c.permitType() == PermitType.RESETTLEMENT) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("", "selfsettlement.error.resettlement"));
        }
        if (c.permitDate() == null || c.permitDate().isAfter(LocalDate.now(clock))) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("", "selfsettlement.error.noPermit"));
        }
        if (c.status() == CaseStatus.OFFERED || c.status() == CaseStatus.SETTLED) {
            return CommandResult.fail(CommandFailure.WrongState.of(c.status().name(), "selfsettlement.error.alreadyAllocated", c.reference()));
        }
        if (!c.status().isOpen()) {
            return CommandResult.fail(CommandFailure.WrongState.of(c.status().name(), "selfsettlement.error.caseClosed"));
        }
        return CommandResult.ok(null);
    }

    private CommandResult<Void> validate(RequestData d) {
        if (d == null || d.municipalityNumber() == null || municipalities.find(d.municipalityNumber()).isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("municipalityNumber", "selfsettlement.error.municipality"));
        }
        if (d.address() == null || d.address().isBlank() || d.address().length() > 300) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("address", "selfsettlement.error.address"));
        }
        if (d.landlordName() == null || d.landlordName().isBlank() || d.landlordName().length() > 200) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("landlordName", "selfsettlement.error.landlord"));
        }
        if (d.landlordEmail() != null && !d.landlordEmail().isBlank() && !d.landlordEmail().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("landlordEmail", "selfsettlement.error.email"));
        }
        LocalDate today = LocalDate.now(clock);
        if (d.leaseStart() == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("leaseStart", "selfsettlement.error.leaseStart"));
        }
        if (d.leaseStart().isBefore(today.minusMonths(1)) || d.leaseStart().isAfter(today.plusMonths(6))) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("leaseStart", "selfsettlement.error.leaseStart.range"));
        }
        if (d.monthlyRent() == null || d.monthlyRent() <= 0 || d.monthlyRent() > 200_000) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("monthlyRent", "selfsettlement.error.rent"));
        }
        if (d.rooms() == null || d.rooms() <= 0 || d.rooms() > 20) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("rooms", "selfsettlement.error.rooms"));
        }
        return CommandResult.ok(null);
    }

    private CommandResult<Void> checkInspection(RequestChecklist checklist, boolean complete) {
        LocalDate today = LocalDate.now(clock);
        if (checklist.inspectionDate() != null && checklist.inspectionDate().isAfter(today)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("inspectionDate", "selfsettlement.error.inspection.future"));
        }
        if (!complete) {
            return CommandResult.ok(null);
        }
        if (checklist.inspectionResult() == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("inspectionResult", "selfsettlement.error.inspection.result"));
        }
        if (checklist.inspectionResult() == InspectionResult.NOT_APPROVED) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("inspectionResult", "selfsettlement.error.inspection.notApproved"));
        }
        if (checklist.inspectionResult() == InspectionResult.APPROVED && checklist.inspectionDate() == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("inspectionDate", "selfsettlement.error.inspection.date"));
        }
        return CommandResult.ok(null);
    }

    private CommandResult<RequestStatus> refuse(Actor actor, long id, RefusalReason reason, String text, Role role,
                                                List<RequestStatus> from, String command) {
        Optional<SelfSettlementRequest> locked = lockInScope(actor, id);
        if (locked.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("selfsettlement.error.notFound", id));
        }
        if (!actor.is(role)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        SelfSettlementRequest r = locked.get();
        if (!from.contains(r.status())) {
            return CommandResult.fail(CommandFailure.WrongState.of(r.status().name(), "selfsettlement.error.wrongState"));
        }
        if (reason == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("refusalReason", "selfsettlement.error.reason.required"));
        }
        String t = text == null || text.isBlank() ? null : text.trim();
        if (reason == RefusalReason.OTHER && t == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("refusalText", "selfsettlement.error.reason.text"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update self_settlement_request set refusal_reason = :r, refusal_text = :t, decided_at = :now, decided_by = :by
                where id = :id
                """)
                .param("r", reason.name()).param("t", t).param("now", now).param("by", actor.username()).param("id", id).update();
        close(actor, r);
        moveTo(actor, r, command, RequestStatus.REFUSED, "Avslått: " + reason.name() + (t == null ? "" : " – " + t));
        return CommandResult.ok(RequestStatus.REFUSED);
    }

    private CommandResult<RequestStatus> transition(Actor actor, long id, String command, RequestStatus to, String reason,
                                                    Role role, List<RequestStatus> from) {
        Optional<SelfSettlementRequest> locked = lockInScope(actor, id);
        if (locked.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("selfsettlement.error.notFound", id));
        }
        if (!actor.is(role)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        SelfSettlementRequest r = locked.get();
        if (!from.contains(r.status())) {
            return CommandResult.fail(CommandFailure.WrongState.of(r.status().name(), "selfsettlement.error.wrongState"));
        }
        if (!to.isOpen()) {
            close(actor, r);
        }
        moveTo(actor, r, command, to, reason);
        return CommandResult.ok(to);
    }

    private void close(Actor actor, SelfSettlementRequest r) {
        jdbc.sql("update self_settlement_request set closed_at = :now where id = :id")
                .param("now", OffsetDateTime.now(clock)).param("id", r.id()).update();
    }

    private void moveTo(Actor actor, SelfSettlementRequest r, String command, RequestStatus to, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        RequestStatus from = jdbc.sql("select status from self_settlement_request where id = :id").param("id", r.id())
                .query((rs, n) -> RequestStatus.valueOf(rs.getString(1))).single();
        jdbc.sql("update self_settlement_request set status = :s, updated_at = :now, updated_by = :by, version = version + 1 where id = :id")
                .param("s", to.name()).param("now", now).param("by", actor.username()).param("id", r.id()).update();
        history(r.id(), actor, command, from, to, reason);
        caseCommands.note(r.caseId(), actor, "SELF_SETTLEMENT_" + command,
                "Avtalt selvbosetting " + municipalities.name(r.municipalityNumber()) + ": " + from + " → " + to
                        + (reason == null ? "" : " (" + reason + ")"));
    }

    private void storeChecklist(Actor actor, SelfSettlementRequest r, RequestChecklist c) {
        jdbc.sql("""
                update self_settlement_request set lease_terms_ok = :lt, rent_within_limit = :rl, property_register_ok = :pr,
                    independent_dwelling = :ind, inspection_date = :idate, inspection_result = :ires, landlord_rejected = :rej,
                    updated_at = :now, updated_by = :by where id = :id
                """)
                .param("lt", c.leaseTermsOk()).param("rl", c.rentWithinLimit()).param("pr", c.propertyRegisterOk())
                .param("ind", c.independentDwelling()).param("idate", c.inspectionDate())
                .param("ires", c.inspectionResult() == null ? null : c.inspectionResult().name())
                .param("rej", landlordRejected(actor, r.landlordName(), r.landlordEmail()))
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("id", r.id()).update();
    }

    private static String describe(RequestChecklist c) {
        return "leiekontrakt " + yes(c.leaseTermsOk()) + ", husleie " + yes(c.rentWithinLimit()) + ", matrikkel "
                + yes(c.propertyRegisterOk()) + ", selvstendig bolig " + yes(c.independentDwelling()) + ", befaring "
                + (c.inspectionResult() == null ? "ikke registrert" : c.inspectionResult().name())
                + (c.inspectionDate() == null ? "" : " " + c.inspectionDate());
    }

    private static String yes(boolean b) {
        return b ? "ok" : "ikke ok";
    }

    private void history(long requestId, Actor actor, String command, RequestStatus from, RequestStatus to, String reason) {
        jdbc.sql("""
                insert into self_settlement_request_history (request_id, occurred_at, actor, actor_role, command, from_status, to_status, reason)
                values (:id, :at, :actor, :role, :command, :from, :to, :reason)
                """)
                .param("id", requestId).param("at", OffsetDateTime.now(clock)).param("actor", actor.username())
                .param("role", actor.role().name()).param("command", command).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("reason", reason).update();
    }

    private Optional<SelfSettlementRequest> lockInScope(Actor actor, long id) {
        Optional<Long> locked = jdbc.sql("select id from self_settlement_request where id = :id for update").param("id", id)
                .query(Long.class).optional();
        return locked.flatMap(x -> find(actor, id));
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
