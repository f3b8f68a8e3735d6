package no.bosetting.cases;

import java.util.List;

public record CaseDetail(CaseSummary summary, List<PersonView> persons, List<CaseHistoryEntry> history,
                         List<ResidenceEntry> residences, String closedReason) {

    /**
     * Who a history line's actor is, for the page: a refugee signed in on Min side is stored as {@code duf:<number>};
     * this gives that member's name, or null for staff and for a member no longer in the household (issue 16 point 2).
     */
    public String memberName(String actor) {
        if (actor == null || !actor.startsWith("duf:")) {
            return null;
        }
        String duf = actor.substring(4).trim();
        return persons.stream().filter(p -> p.dufNumber() != null && p.dufNumber().trim().equals(duf))
                .map(PersonView::fullName).findFirst().orElse(null);
    }
}
