package no.bosetting.decisions;

/** Published when a registered settlement date is corrected: what is paid from the date (the grants) follows it. */
public record SettlementDateCorrected(long caseId) {
}
