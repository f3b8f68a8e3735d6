package no.bosetting.concerns;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** A restricted concern report as a designated user reads it. */
public record ConcernReport(long id, long caseId, String caseReference, Set<ConcernIndicator> indicators, String description,
                            Referral referral, LocalDate referredOn, String referralAnswer, LocalDate answeredOn,
                            String answeredBy, OffsetDateTime createdAt, String createdBy, List<String> unsuitableMunicipalities,
                            List<String> requiredServices) {

    public boolean answered() {
        return referralAnswer != null;
    }
}
