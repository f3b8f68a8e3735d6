package no.bosetting.applications;

/** Filters of the agency's application queue; null means any. */
public record QueueFilter(ApplicationStatus status, Boolean late, Boolean unaccompaniedMinor, Boolean withoutPermit) {

    public static QueueFilter open() {
        return new QueueFilter(ApplicationStatus.SUBMITTED, null, null, null);
    }
}
