package no.bosetting.selfsettlement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.PermitType;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Wording;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A request from the household's side: registering it (by the refugee, or by the municipality on their behalf), and
 * its end before a decision — withdrawn by the refugee, or the dwelling lost.
 */
@Service
public class SelfSettlementRegistrations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SelfSettlementRequests requests;
    private final RequestTransitions transitions;
    private final CaseQueries cases;
    private final CaseCommands caseCommands;
    private final Municipalities municipalities;
    private final SelfSettlementSettings settings;
    private final PersonAccessLog accessLog;
    private final RefusedAtOnce refusedAtOnce;

    SelfSettlementRegistrations(JdbcClient jdbc, Clock clock, SelfSettlementRequests requests, RequestTransitions transitions,
                                CaseQueries cases, CaseCommands caseCommands, Municipalities municipalities,
                                SelfSettlementSettings settings, PersonAccessLog accessLog, RefusedAtOnce refusedAtOnce) {
        this.refusedAtOnce = refusedAtOnce;
        this.jdbc = jdbc;
        this.clock = clock;
        this.requests = requests;
        this.transitions = transitions;
        this.cases = cases;
        this.caseCommands = caseCommands;
        this.municipalities = municipalities;
        this.settings = settings;
        this.accessLog = accessLog;
    }

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
            found = requests.ownCase(actor);
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
        Optional<CommandFailure> refused = eligibility(c).or(() -> validate(data));
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        if (!settings.accepts(data.municipalityNumber())) {
            // Refused, but recorded with its outcome and reason (report 002 around lines 4533–4537, 6513–6523).
            refusedAtOnce.record(actor, c, data, RefusalReason.NOT_PARTICIPATING);
            return CommandResult.fail(CommandFailure.RuleBroken.of("municipalityNumber", "selfsettlement.error.notAccepting",
                    municipalities.name(data.municipalityNumber())));
        }
        // Serialise registrations of one household through its case (locked by the cases module, in its lock order),
        // so it never has two open requests.
        caseCommands.lockStatuses(List.of(c.id()));
        long open = jdbc.sql("select count(*) from self_settlement_request where case_id = :c and status in (:open)")
                .param("c", c.id()).param("open", RequestStatus.OPEN.stream().map(Enum::name).toList())
                .query(Long.class).single();
        if (open > 0) {
            return CommandResult.fail(CommandFailure.WrongState.of("OPEN", "selfsettlement.error.alreadyOpen"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                insert into self_settlement_request (case_id, municipality_number, status, address, landlord_name, landlord_email,
                    lease_start, monthly_rent, rooms, registered_by_role, created_at, created_by, updated_at, updated_by)
                values (:c, :m, :status, :address, :landlord, :email, :start, :rent, :rooms, :role, :now, :by, :now, :by)
                returning id
                """)
                .param("c", c.id()).param("m", data.municipalityNumber()).param("status", RequestStatus.REQUESTED.name())
                .param("address", data.address().trim()).param("landlord", data.landlordName().trim())
                .param("email", data.landlordEmail() == null || data.landlordEmail().isBlank() ? null : data.landlordEmail().trim())
                .param("start", data.leaseStart()).param("rent", data.monthlyRent()).param("rooms", data.rooms())
                .param("role", actor.role().name()).param("now", now).param("by", actor.username())
                .query(Long.class).single();
        String reason = "Forespørsel om avtalt selvbosetting i " + municipalities.name(data.municipalityNumber())
                + (actor.role() == Role.REFUGEE ? " (registrert av flyktningen)" : " (registrert av kommunen)");
        transitions.record(actor, id, "REGISTER", null, RequestStatus.REQUESTED, reason);
        caseCommands.note(c.id(), actor, "SELF_SETTLEMENT_REQUESTED", reason);
        if (actor.role() == Role.REFUGEE) {
            transitions.notifyMunicipality(data.municipalityNumber(), Wording.of("selfsettlement.notice.requested.subject"),
                    Wording.of("selfsettlement.notice.requested.body", c.reference()), c.id());
        }
        return CommandResult.ok(id);
    }

    /** The refugee withdraws their own request. */
    @Transactional
    public CommandResult<RequestStatus> withdraw(Actor actor, long id) {
        CommandResult<SelfSettlementRequest> locked = transitions.lock(actor, id, SelfSettlementCommand.WITHDRAW);
        if (!locked.isSuccess()) {
            return CommandResult.fail(locked.failure());
        }
        transitions.apply(actor, locked.value(), SelfSettlementCommand.WITHDRAW, "Trukket av flyktningen");
        return CommandResult.ok(RequestStatus.WITHDRAWN);
    }

    /** The dwelling was lost before a decision: recorded by the refugee, the municipality or the agency. */
    @Transactional
    public CommandResult<RequestStatus> dwellingLost(Actor actor, long id, String note) {
        CommandResult<SelfSettlementRequest> locked = transitions.lock(actor, id, SelfSettlementCommand.DWELLING_LOST);
        if (!locked.isSuccess()) {
            return CommandResult.fail(locked.failure());
        }
        transitions.apply(actor, locked.value(), SelfSettlementCommand.DWELLING_LOST,
                "Boligen er tapt" + (note == null || note.isBlank() ? "" : ": " + note.trim()));
        return CommandResult.ok(RequestStatus.DWELLING_LOST);
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

    /** Why the household may not ask for ASB now (a typed failure naming the rule), or empty when it may. */
    Optional<CommandFailure> eligibility(CaseSummary c) {
        if (c.unaccompaniedMinor()) {
            return Optional.of(CommandFailure.RuleBroken.of("", "selfsettlement.error.minor"));
        }
        if (c.permitType() == PermitType.RESETTLEMENT) {
            return Optional.of(CommandFailure.RuleBroken.of("", "selfsettlement.error.resettlement"));
        }
        if (c.permitDate() == null || c.permitDate().isAfter(LocalDate.now(clock))) {
            return Optional.of(CommandFailure.RuleBroken.of("", "selfsettlement.error.noPermit"));
        }
        if (c.status() == CaseStatus.OFFERED || c.status() == CaseStatus.SETTLED) {
            return Optional.of(CommandFailure.WrongState.of(c.status().name(), "selfsettlement.error.alreadyAllocated", c.reference()));
        }
        if (!c.status().isOpen()) {
            return Optional.of(CommandFailure.WrongState.of(c.status().name(), "selfsettlement.error.caseClosed"));
        }
        return Optional.empty();
    }

    private Optional<CommandFailure> validate(RequestData d) {
        if (d == null || d.municipalityNumber() == null || municipalities.find(d.municipalityNumber()).isEmpty()) {
            return Optional.of(CommandFailure.RuleBroken.of("municipalityNumber", "selfsettlement.error.municipality"));
        }
        if (d.address() == null || d.address().isBlank() || d.address().length() > 300) {
            return Optional.of(CommandFailure.RuleBroken.of("address", "selfsettlement.error.address"));
        }
        if (d.landlordName() == null || d.landlordName().isBlank() || d.landlordName().length() > 200) {
            return Optional.of(CommandFailure.RuleBroken.of("landlordName", "selfsettlement.error.landlord"));
        }
        if (d.landlordEmail() != null && !d.landlordEmail().isBlank() && !d.landlordEmail().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return Optional.of(CommandFailure.RuleBroken.of("landlordEmail", "selfsettlement.error.email"));
        }
        LocalDate today = LocalDate.now(clock);
        if (d.leaseStart() == null) {
            return Optional.of(CommandFailure.RuleBroken.of("leaseStart", "selfsettlement.error.leaseStart"));
        }
        if (d.leaseStart().isBefore(today.minusMonths(1)) || d.leaseStart().isAfter(today.plusMonths(6))) {
            return Optional.of(CommandFailure.RuleBroken.of("leaseStart", "selfsettlement.error.leaseStart.range"));
        }
        if (d.monthlyRent() == null || d.monthlyRent() <= 0 || d.monthlyRent() > 200_000) {
            return Optional.of(CommandFailure.RuleBroken.of("monthlyRent", "selfsettlement.error.rent"));
        }
        if (d.rooms() == null || d.rooms() <= 0 || d.rooms() > 20) {
            return Optional.of(CommandFailure.RuleBroken.of("rooms", "selfsettlement.error.rooms"));
        }
        return Optional.empty();
    }
}
