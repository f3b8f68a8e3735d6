package no.bosetting.interview;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the interview found that binds or steers the allocation (issue 23 item 1).
 *
 * @param closeFamilyMunicipality where close family lives (spouse or cohabitant, parents, children: report 001 line 456)
 * @param closeFamilyKind         which close family lives there
 * @param widerFamilyMunicipality where other family lives (e.g. siblings, grandparents, grandchildren)
 * @param networkMunicipality     where friends or another network lives
 * @param jobMunicipality         where the household has a job offer
 * @param jobHoursPerWeek         the offer's hours per week (required with a job offer)
 * @param studyMunicipality       where an adult has a study admission
 * @param needs                   needs the municipality must meet
 * @param togetherWithCaseId      another household to be settled in the same municipality (e.g. adult siblings)
 */
public record AllocationFacts(String closeFamilyMunicipality, CloseFamilyKind closeFamilyKind, String widerFamilyMunicipality,
                              String networkMunicipality, String jobMunicipality, Integer jobHoursPerWeek,
                              String studyMunicipality, Set<AllocationNeed> needs, Long togetherWithCaseId) {

    /** A job offer of at least this many hours a week binds the municipality when the policy says so. */
    public static final int BINDING_JOB_HOURS = 15;

    public enum CloseFamilyKind { SPOUSE_OR_COHABITANT, PARENT, CHILD }

    public AllocationFacts {
        needs = needs == null || needs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(needs));
    }

    public static AllocationFacts none() {
        return new AllocationFacts(null, null, null, null, null, null, null, Set.of(), null);
    }

    /** Whether the job offer has enough hours to bind the municipality (when the policy binds jobs). */
    public boolean jobCanBind() {
        return jobMunicipality != null && jobHoursPerWeek != null && jobHoursPerWeek >= BINDING_JOB_HOURS;
    }

    public Set<String> requiredServices() {
        return AllocationNeed.requiredServices(needs);
    }
}
