package no.bosetting.applications;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import no.bosetting.shared.TimeConfig;

/**
 * A private resident's application for settlement with public help. {@code caseId} is empty while the
 * permit is not registered; {@code deadline} is then unknown too.
 */
public record SettlementApplication(long id, String dufNumber, Long caseId, ApplicationStatus status, ApplicationForm answers,
                                    OffsetDateTime submittedAt, ApplicationDeadline deadline, boolean late,
                                    OffsetDateTime handledAt, String handledBy, String refusalReason) {

    public boolean submitted() {
        return status != ApplicationStatus.DRAFT;
    }

    public boolean editable() {
        return status == ApplicationStatus.DRAFT;
    }

    public boolean accepted() {
        return status == ApplicationStatus.ACCEPTED;
    }

    public boolean refused() {
        return status == ApplicationStatus.REFUSED;
    }

    public LocalDate submittedOn() {
        return submittedAt == null ? null : submittedAt.atZoneSameInstant(TimeConfig.OSLO).toLocalDate();
    }
}
