package no.bosetting.applications;

import java.time.LocalDate;

/**
 * Where the six-month application deadline for private residents starts. The source reports word it
 * three ways, so the rule is configurable ({@code bosetting.application.deadline-start}) and every
 * application records the rule and the date it used.
 */
public enum DeadlineStartRule {
    /** "No later than six months from when you are granted the permit" (UDI's letter): the permit date. */
    PERMIT_DATE,
    /**
     * "After the person has been made aware of the decision": the date the decision was served on the
     * person, as the person states it; the permit date when it is not known.
     */
    NOTIFIED_DATE,
    /**
     * "Six months from the effectuated permit": the permit takes effect at arrival in Norway for those
     * granted it abroad, so the later of the permit date and the arrival date; the permit date when no
     * arrival date is known.
     */
    EFFECTUATED_PERMIT;

    /** The application deadline: the day six calendar months after the start (clamped to the month's end). */
    public static final int MONTHS = 6;

    /** The start date under this rule, never before the permit. */
    public LocalDate start(LocalDate permitDate, LocalDate notifiedDate, LocalDate arrivalDate) {
        return switch (this) {
            case PERMIT_DATE -> permitDate;
            case NOTIFIED_DATE -> notifiedDate != null && notifiedDate.isAfter(permitDate) ? notifiedDate : permitDate;
            case EFFECTUATED_PERMIT -> arrivalDate != null && arrivalDate.isAfter(permitDate) ? arrivalDate : permitDate;
        };
    }

    /** The deadline computed from a permit and, where the rule uses them, the stated dates. */
    public ApplicationDeadline deadline(LocalDate permitDate, LocalDate notifiedDate, LocalDate arrivalDate) {
        LocalDate start = start(permitDate, notifiedDate, arrivalDate);
        return new ApplicationDeadline(this, start, start.plusMonths(MONTHS));
    }
}
