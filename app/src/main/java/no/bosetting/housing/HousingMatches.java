package no.bosetting.housing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.HouseholdType;
import no.bosetting.interview.InterviewProfile;
import no.bosetting.interview.Interviews;
import org.springframework.stereotype.Service;

/**
 * Suggests vacant dwellings for households the municipality has accepted: enough rooms for the
 * household's size and composition, accessible when the interview names such a need, close to a
 * school when there are children. Best fit first: fewest surplus rooms, then longest vacant.
 */
@Service
public class HousingMatches {

    /** Words in the interview's adaptation needs that mean the dwelling must be accessible. */
    private static final List<String> ACCESSIBILITY_WORDS = List.of("rullestol", "rullator", "bakkeplan", "heis",
            "trapp", "universell", "tilrettelagt", "tilgjengelig", "bevegelseshemm", "wheelchair", "ground floor",
            "ground-floor", "accessible", "step-free", "mobility", "lift", "elevator");
    /** Surplus rooms beyond this are a waste of a scarce large dwelling, so they are not suggested. */
    private static final int MAX_SURPLUS_ROOMS = 2;

    private final Dwellings dwellings;
    private final CaseQueries cases;
    private final Interviews interviews;

    public HousingMatches(Dwellings dwellings, CaseQueries cases, Interviews interviews) {
        this.dwellings = dwellings;
        this.cases = cases;
        this.interviews = interviews;
    }

    /** Accepted households of the actor's municipality that still wait to be settled. */
    public List<CaseSummary> awaitingHousing(Actor actor) {
        return cases.search(CaseFilter.status(CaseStatus.OFFERED), actor, 0, 500).items().stream()
                .filter(c -> actor.municipalityNumber() != null && actor.municipalityNumber().equals(c.settlementMunicipality()))
                .toList();
    }

    /** The household if the actor's municipality has accepted it and it waits for settlement. */
    public Optional<CaseSummary> household(Actor actor, long caseId) {
        return cases.summary(caseId, actor)
                .filter(c -> c.status() == CaseStatus.OFFERED && actor.municipalityNumber() != null
                        && actor.municipalityNumber().equals(c.settlementMunicipality()));
    }

    public boolean needsAccessibleDwelling(long caseId) {
        InterviewProfile profile = interviews.profile(caseId);
        return mentionsAccessibility(profile.adaptationNeeds());
    }

    static boolean mentionsAccessibility(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return ACCESSIBILITY_WORDS.stream().anyMatch(lower::contains);
    }

    public static int roomsNeeded(CaseSummary household) {
        boolean couple = household.householdType() == HouseholdType.COUPLE_WITH_CHILDREN
                || household.householdType() == HouseholdType.COUPLE_WITHOUT_CHILDREN;
        return DwellingSize.roomsNeeded(household.persons(), household.children(), couple);
    }

    public List<Suggestion> suggestions(Actor actor, long caseId) {
        Optional<CaseSummary> found = household(actor, caseId);
        if (found.isEmpty()) {
            return List.of();
        }
        CaseSummary household = found.get();
        int needed = roomsNeeded(household);
        boolean accessible = needsAccessibleDwelling(caseId);
        boolean children = household.children() > 0;
        List<Suggestion> result = new ArrayList<>();
        for (Dwelling d : dwellings.list(actor, new DwellingFilter(DwellingStatus.VACANT, null, needed, accessible ? Boolean.TRUE : null))) {
            if (d.rooms() - needed > MAX_SURPLUS_ROOMS) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            reasons.add(d.rooms() == needed ? "housing.match.roomsExact" : "housing.match.roomsMore");
            if (accessible) {
                reasons.add("housing.match.accessible");
            }
            if (children && d.distanceSchoolM() != null && d.distanceSchoolM() <= 2000) {
                reasons.add("housing.match.nearSchool");
            }
            result.add(new Suggestion(d, needed, reasons));
        }
        Comparator<Suggestion> order = Comparator.comparingInt(s -> s.dwelling().rooms() - needed);
        if (children) {
            order = order.thenComparing(s -> s.dwelling().distanceSchoolM() == null ? Integer.MAX_VALUE : s.dwelling().distanceSchoolM());
        }
        order = order.thenComparing(s -> -(s.dwelling().daysVacant() == null ? 0 : s.dwelling().daysVacant()));
        result.sort(order);
        return result;
    }
}
