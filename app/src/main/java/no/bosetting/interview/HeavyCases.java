package no.bosetting.interview;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one rule for a <b>heavy case</b> (a "tyngre bosettingssak"), written here once and called by the quarterly fairness
 * report ({@code statistics.FairnessReport}) and each municipality's heavy-case load in the allocation round
 * ({@code allocation.internal.RoundBuilder}).
 *
 * <p>IMDi wants easy and heavy settlement cases spread fairly between municipalities (report 002 lines 6481–6485), and
 * municipalities refuse care-heavy cases when their capacity is strained — a mother with dementia who needs help
 * (report 000 lines 3792–3800). A household is heavy when
 * <ul>
 *   <li>it is an unaccompanied minor (its own places and child-welfare follow-up),</li>
 *   <li>it is a large family of {@value #LARGE_FAMILY} persons or more (it needs a dedicated large dwelling; the same
 *       size as the engine's {@code Municipality.LARGE_HOUSEHOLD}),</li>
 *   <li>the interview found a need for a particular service ({@link AllocationNeed}: an accessible dwelling, specialist
 *       health care, child-welfare follow-up, shared housing, special-needs schooling), or</li>
 *   <li>health details are recorded in the interview and a member's current health consent is given (health
 *       information only with consent, report 004 line 32).</li>
 * </ul>
 * The household's size and whether it is an unaccompanied minor are the case's facts ({@code cases}); the caller passes
 * them in. The needs, the health details and the consent are this module's.
 */
@Service
@Transactional(readOnly = true)
public class HeavyCases {

    /** A family of this many persons or more is a heavy case. */
    public static final int LARGE_FAMILY = 5;

    /** The case's own facts the rule needs: how many persons, and whether it is an unaccompanied minor. */
    public record Household(long caseId, int persons, boolean unaccompaniedMinor) {
    }

    private final JdbcClient jdbc;
    private final InterviewFacts facts;

    public HeavyCases(JdbcClient jdbc, InterviewFacts facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    /**
     * The rule: an unaccompanied minor, {@value #LARGE_FAMILY} persons or more, a need for a particular service, or
     * health details recorded with a member's current consent.
     *
     * @param facts                  the interview's allocation facts, or null when none are recorded
     * @param consentedHealthDetails health details are recorded and a member's current health consent is given
     */
    public static boolean isHeavy(int persons, boolean unaccompaniedMinor, AllocationFacts facts, boolean consentedHealthDetails) {
        return unaccompaniedMinor || persons >= LARGE_FAMILY || facts != null && !facts.needs().isEmpty() || consentedHealthDetails;
    }

    /** The case ids of these households that are heavy cases, by {@link #isHeavy}. */
    public Set<Long> heavy(Collection<Household> households) {
        Set<Long> heavy = new HashSet<>();
        if (households.isEmpty()) {
            return heavy;
        }
        List<Long> ids = households.stream().map(Household::caseId).distinct().toList();
        Map<Long, AllocationFacts> recorded = facts.forCases(ids);
        Set<Long> consentedHealth = consentedHealthDetails(ids);
        for (Household h : households) {
            if (isHeavy(h.persons(), h.unaccompaniedMinor(), recorded.get(h.caseId()), consentedHealth.contains(h.caseId()))) {
                heavy.add(h.caseId());
            }
        }
        return heavy;
    }

    /** The cases whose interview records health details and of which a member's current (newest) consent is given. */
    Set<Long> consentedHealthDetails(Collection<Long> caseIds) {
        return new HashSet<>(jdbc.sql("""
                select i.case_id from settlement_interview i
                where i.case_id = any(:ids) and nullif(btrim(i.health_details), '') is not null
                  and exists (select 1 from health_consent hc where hc.case_id = i.case_id and hc.given
                      and not exists (select 1 from health_consent n where n.person_id = hc.person_id and n.id > hc.id))
                """).param("ids", caseIds.toArray(Long[]::new)).query(Long.class).list());
    }
}
