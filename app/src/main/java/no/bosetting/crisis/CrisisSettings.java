package no.bosetting.crisis;

import java.time.LocalDate;

/** What the agency gives when it switches crisis mode on (the form and the demo); blanks are null. */
public record CrisisSettings(LocalDate startsOn, LocalDate endsOn, String reason, String schemeName, LocalDate schemeFrom,
                             LocalDate schemeTo, Integer schemeMonthlyGrant, Integer roundSize) {
}
