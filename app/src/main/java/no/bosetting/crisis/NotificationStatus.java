package no.bosetting.crisis;

/** A municipality's notification of a named refugee it wants to settle: new, taken up by the agency, or declined. */
public enum NotificationStatus {
    NEW,
    TAKEN_UP,
    DECLINED
}
