package no.bosetting.cases;

import java.util.List;

public record CaseDetail(CaseSummary summary, List<PersonView> persons, List<CaseHistoryEntry> history,
                         List<ResidenceEntry> residences, String closedReason) {
}
