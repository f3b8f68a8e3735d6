package no.bosetting.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The engine's named, versioned weights; an agency administrator changes them by saving a new version. */
@Service
public class AllocationPolicies {

    public static final String STANDARD = "standard";

    private static final String COLUMNS = """
            id, name, version, priority, waiting, labour_market, education, dwelling_fit, shared_housing, wider_family,
            job_or_study, approved_dwelling, balance, predicted_outcome, reason, created_at, created_by, use_range_maximum, close_family_binds, job_binds
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    public AllocationPolicies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public AllocationPolicy current() {
        return jdbc.sql("select " + COLUMNS + " from allocation_policy where name = :n order by version desc limit 1")
                .param("n", STANDARD).query((rs, n) -> map(rs)).single();
    }

    public Optional<AllocationPolicy> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from allocation_policy where id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    public List<AllocationPolicy> versions() {
        return jdbc.sql("select " + COLUMNS + " from allocation_policy where name = :n order by version desc")
                .param("n", STANDARD).query((rs, n) -> map(rs)).list();
    }

    /** A new version with these weights; whether close family and a job offer bind is carried over from the current version. */
    @Transactional
    public CommandResult<AllocationPolicy> saveNewVersion(Actor actor, Map<String, Double> weights, String reason) {
        AllocationPolicy current = current();
        return saveNewVersion(actor, weights, reason, current.useRangeMaximum(), current.closeFamilyBinds(), current.jobBinds());
    }

    /**
     * Saves a new version of the weights, and whether the engine may propose up to a range decision's maximum
     * ({@code useRangeMaximum}; otherwise its minimum, the number planning uses — issue 14 item 3); the binding rules
     * are carried over from the current version.
     */
    @Transactional
    public CommandResult<AllocationPolicy> saveNewVersion(Actor actor, Map<String, Double> weights, boolean useRangeMaximum,
                                                          String reason) {
        AllocationPolicy current = current();
        return saveNewVersion(actor, weights, reason, useRangeMaximum, current.closeFamilyBinds(), current.jobBinds());
    }

    /** A new version with its binding rules and the range flag carried over from the current version. */
    @Transactional
    public CommandResult<AllocationPolicy> saveNewVersion(Actor actor, Map<String, Double> weights, String reason,
                                                          boolean closeFamilyBinds, boolean jobBinds) {
        return saveNewVersion(actor, weights, reason, current().useRangeMaximum(), closeFamilyBinds, jobBinds);
    }

    /**
     * A new version; {@code useRangeMaximum}: the engine may fill range decisions to their maximum; {@code closeFamilyBinds}:
     * close family's municipality is a hard rule (otherwise a soft preference like wider family); {@code jobBinds}: a job
     * offer of 15 hours a week or more is a hard rule (otherwise a strong preference).
     */
    @Transactional
    public CommandResult<AllocationPolicy> saveNewVersion(Actor actor, Map<String, Double> weights, String reason,
                                                          boolean useRangeMaximum, boolean closeFamilyBinds, boolean jobBinds) {
        if (!actor.is(Role.AGENCY_ADMIN)) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        weights = new LinkedHashMap<>(weights);
        weights.putIfAbsent(AllocationPolicy.PREDICTED_OUTCOME, 0.0);
        for (String term : AllocationPolicy.TERMS) {
            Double w = weights.get(term);
            if (w == null || !Double.isFinite(w) || w < 0 || w > 1000) {
                return CommandResult.fail(CommandFailure.RuleBroken.of(term, "error.policy.weight"));
            }
        }
        if (reason == null || reason.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reason.required"));
        }
        // Serialise versioning on the policy name so two administrators never create the same version.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:n))").param("n", STANDARD).query((rs, n) -> 1).list();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from allocation_policy where name = :n")
                .param("n", STANDARD).query(Integer.class).single();
        long id = jdbc.sql("""
                insert into allocation_policy (name, version, priority, waiting, labour_market, education, dwelling_fit,
                    shared_housing, wider_family, job_or_study, approved_dwelling, balance, predicted_outcome, reason, created_at, created_by,
                    use_range_maximum, close_family_binds, job_binds)
                values (:n, :v, :priority, :waiting, :labourMarket, :education, :dwellingFit, :sharedHousing, :widerFamily,
                    :jobOrStudy, :approvedDwelling, :balance, :predictedOutcome, :reason, :now, :by, :rangeMax, :cfb, :jb)
                returning id
                """)
                .param("n", STANDARD).param("v", version)
                .param("priority", weights.get("priority")).param("waiting", weights.get("waiting"))
                .param("labourMarket", weights.get("labourMarket")).param("education", weights.get("education"))
                .param("dwellingFit", weights.get("dwellingFit")).param("sharedHousing", weights.get("sharedHousing"))
                .param("widerFamily", weights.get("widerFamily")).param("jobOrStudy", weights.get("jobOrStudy"))
                .param("approvedDwelling", weights.get("approvedDwelling")).param("balance", weights.get("balance"))
                .param("predictedOutcome", weights.get(AllocationPolicy.PREDICTED_OUTCOME))
                .param("reason", reason.trim()).param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .param("rangeMax", useRangeMaximum).param("cfb", closeFamilyBinds).param("jb", jobBinds)
                .query(Long.class).single();
        return CommandResult.ok(find(id).orElseThrow());
    }

    private static AllocationPolicy map(ResultSet rs) throws SQLException {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("priority", rs.getDouble("priority"));
        w.put("waiting", rs.getDouble("waiting"));
        w.put("labourMarket", rs.getDouble("labour_market"));
        w.put("education", rs.getDouble("education"));
        w.put("dwellingFit", rs.getDouble("dwelling_fit"));
        w.put("sharedHousing", rs.getDouble("shared_housing"));
        w.put("widerFamily", rs.getDouble("wider_family"));
        w.put("jobOrStudy", rs.getDouble("job_or_study"));
        w.put("approvedDwelling", rs.getDouble("approved_dwelling"));
        w.put("balance", rs.getDouble("balance"));
        w.put(AllocationPolicy.PREDICTED_OUTCOME, rs.getDouble("predicted_outcome"));
        return new AllocationPolicy(rs.getLong("id"), rs.getString("name"), rs.getInt("version"), w, rs.getString("reason"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getBoolean("use_range_maximum"),
                rs.getBoolean("close_family_binds"), rs.getBoolean("job_binds"));
    }
}
