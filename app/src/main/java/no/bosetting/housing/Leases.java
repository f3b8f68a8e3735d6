package no.bosetting.housing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leases of the register's dwellings. A lease runs 3 years, or 1 year with a stated reason, and is
 * never renewed automatically: before it ends the municipality reviews the tenant's situation.
 */
@Service
public class Leases {

    public static final int DEFAULT_TERM_YEARS = 3;
    public static final int DEFAULT_RENT_GUARANTEE_MONTHS = 3;
    private static final String COLUMNS = """
            l.id, l.dwelling_id, l.municipality_number, d.address, l.case_id, l.kind, l.transferable, l.start_date,
            l.term_years, l.short_term_reason, l.end_date, l.monthly_rent, l.deposit, l.rent_guarantee_months, l.status,
            l.review_outcome, l.review_note
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Dwellings dwellings;

    public Leases(JdbcClient jdbc, Clock clock, Dwellings dwellings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dwellings = dwellings;
    }

    public List<FieldProblem> validate(LeaseData l) {
        List<FieldProblem> problems = new ArrayList<>();
        if (l.kind() == null) {
            problems.add(FieldProblem.of("kind", "housing.error.choose"));
        }
        LocalDate today = LocalDate.now(clock);
        if (l.startDate() == null) {
            problems.add(FieldProblem.of("startDate", "housing.error.date.required"));
        } else if (l.startDate().isBefore(today.minusYears(1)) || l.startDate().isAfter(today.plusYears(1))) {
            problems.add(FieldProblem.of("startDate", "housing.error.lease.startDate"));
        }
        if (l.termYears() == null || (l.termYears() != 1 && l.termYears() != 3)) {
            problems.add(FieldProblem.of("termYears", "housing.error.lease.term"));
        } else if (l.termYears() == 1 && (l.shortTermReason() == null || l.shortTermReason().isBlank())) {
            problems.add(FieldProblem.of("shortTermReason", "housing.error.lease.shortTermReason"));
        }
        Dwellings.range(problems, "leaseRent", l.monthlyRent(), 0, 200_000, true);
        Dwellings.range(problems, "deposit", l.deposit(), 0, 1_000_000, false);
        Dwellings.range(problems, "rentGuaranteeMonths", l.rentGuaranteeMonths(), 0, 12, false);
        return problems;
    }

    /** Signs a lease for a reserved dwelling: the reserving household moves in and the dwelling is occupied. */
    @Transactional
    public CommandResult<Long> create(Actor actor, long dwellingId, LeaseData l) {
        Optional<Dwelling> found = dwellings.lock(actor, dwellingId);
        Optional<CommandFailure> refused = DwellingCommand.SIGN_LEASE.guard(actor, found.map(Dwelling::status),
                "housing.error.dwelling.notFound", dwellingId);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        Dwelling d = found.get();
        List<FieldProblem> problems = validate(l);
        if (!problems.isEmpty()) {
            return CommandResult.fail(Dwellings.ruleBroken(problems.get(0)));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                insert into lease (dwelling_id, municipality_number, case_id, kind, transferable, start_date, term_years,
                    short_term_reason, end_date, monthly_rent, deposit, rent_guarantee_months,
                    created_at, created_by, updated_at, updated_by)
                values (:d, :m, :case, :kind, :transferable, :start, :term, :reason, :end, :rent, :deposit, :guarantee,
                    :now, :by, :now, :by)
                returning id
                """)
                .param("d", dwellingId).param("m", d.municipalityNumber()).param("case", d.reservedCaseId())
                .param("kind", l.kind().name()).param("transferable", l.transferable()).param("start", l.startDate())
                .param("term", l.termYears())
                .param("reason", l.termYears() == 1 ? l.shortTermReason().trim() : null)
                .param("end", l.startDate().plusYears(l.termYears()).minusDays(1))
                .param("rent", l.monthlyRent()).param("deposit", l.deposit() == null ? 0 : l.deposit())
                .param("guarantee", l.rentGuaranteeMonths() == null ? DEFAULT_RENT_GUARANTEE_MONTHS : l.rentGuaranteeMonths())
                .param("now", now).param("by", actor.username())
                .query(Long.class).single();
        jdbc.sql("""
                update dwelling set status = :s, reserved_case_id = null, reserved_at = null, reserved_by = null,
                    vacant_since = null, updated_at = :now, updated_by = :by where id = :id
                """)
                .param("s", DwellingCommand.SIGN_LEASE.target().name()).param("now", now).param("by", actor.username()).param("id", dwellingId).update();
        return CommandResult.ok(id);
    }

    /** Records the review before expiry: renew, move to the private market, or apply for a start loan. */
    @Transactional
    public CommandResult<Lease> review(Actor actor, long leaseId, ReviewOutcome outcome, String note) {
        Optional<CommandFailure> refused = guard(actor, leaseId, LeaseCommand.REVIEW);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        if (outcome == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("outcome", "housing.error.choose"));
        }
        if (note != null && note.length() > 2000) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("note", "housing.error.text.tooLong", 2000));
        }
        jdbc.sql("update lease set review_outcome = :o, review_note = :n, updated_at = :now, updated_by = :by where id = :id")
                .param("o", outcome.name()).param("n", note == null || note.isBlank() ? null : note.trim())
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("id", leaseId).update();
        return CommandResult.ok(find(actor, leaseId).orElseThrow());
    }

    /** Ends a lease; the dwelling is vacant from the day after. */
    @Transactional
    public CommandResult<Lease> end(Actor actor, long leaseId) {
        Optional<CommandFailure> refused = guard(actor, leaseId, LeaseCommand.END);
        if (refused.isPresent()) {
            return CommandResult.fail(refused.get());
        }
        Lease lease = find(actor, leaseId).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("update lease set status = :s, updated_at = :now, updated_by = :by where id = :id")
                .param("s", LeaseCommand.END.target().name()).param("now", now).param("by", actor.username())
                .param("id", leaseId).update();
        jdbc.sql("""
                update dwelling set status = 'VACANT', vacant_since = :since, available_from = least(available_from, :since),
                    updated_at = :now, updated_by = :by where id = :id and status = 'OCCUPIED'
                """)
                .param("since", today).param("now", now).param("by", actor.username()).param("id", lease.dwellingId()).update();
        return CommandResult.ok(find(actor, leaseId).orElseThrow());
    }

    /**
     * Locks the lease until the transaction ends and guards the command in the one order (found in the officer's own
     * municipality → permitted → in a state it applies to); the first failure, or empty. Writes nothing.
     */
    private Optional<CommandFailure> guard(Actor actor, long leaseId, LeaseCommand command) {
        Optional<LeaseStatus> status = actor.is(Role.MUNICIPALITY_OFFICER)
                ? jdbc.sql("select status from lease where id = :id and municipality_number = :m for update")
                        .param("id", leaseId).param("m", actor.municipalityNumber())
                        .query((rs, n) -> LeaseStatus.valueOf(rs.getString(1))).optional()
                : Optional.empty();
        return command.guard(actor, status, "housing.error.lease.notFound", leaseId);
    }

    public Optional<Lease> find(Actor actor, long id) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from lease l join dwelling d on d.id = l.dwelling_id where l.id = :id and l.municipality_number = :m")
                .param("id", id).param("m", actor.municipalityNumber()).query((rs, n) -> map(rs)).optional();
    }

    public List<Lease> forDwelling(Actor actor, long dwellingId) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from lease l join dwelling d on d.id = l.dwelling_id where l.dwelling_id = :d and l.municipality_number = :m order by l.start_date desc, l.id desc")
                .param("d", dwellingId).param("m", actor.municipalityNumber()).query((rs, n) -> map(rs)).list();
    }

    /** Active leases, those ending soonest first. */
    public List<Lease> active(Actor actor) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from lease l join dwelling d on d.id = l.dwelling_id where l.municipality_number = :m and l.status = 'ACTIVE' order by l.end_date, l.id limit 1000")
                .param("m", actor.municipalityNumber()).query((rs, n) -> map(rs)).list();
    }

    private static Lease map(ResultSet rs) throws SQLException {
        String review = rs.getString("review_outcome");
        return new Lease(rs.getLong("id"), rs.getLong("dwelling_id"), rs.getString("municipality_number"), rs.getString("address"),
                (Long) rs.getObject("case_id"), LeaseKind.valueOf(rs.getString("kind")), rs.getBoolean("transferable"),
                rs.getObject("start_date", LocalDate.class), rs.getInt("term_years"), rs.getString("short_term_reason"),
                rs.getObject("end_date", LocalDate.class), rs.getInt("monthly_rent"), rs.getInt("deposit"),
                rs.getInt("rent_guarantee_months"), LeaseStatus.valueOf(rs.getString("status")), review == null ? null : ReviewOutcome.valueOf(review),
                rs.getString("review_note"));
    }
}
