package no.bosetting.selfservice;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import no.bosetting.cases.CaseCommand;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CloseReason;

/**
 * What My case tells the household now, derived from the case's state and its dates on the day it is read (issue 16
 * point 3) — never a fixed text per status: a planned moving date that has passed is not shown as ahead, a closed case
 * says why and when, and "I want to decline the offer" is offered only while there is an offer to decline (the state
 * the agency's {@link CaseCommand#DECLINE_OFFER} applies to; report 000 lines 3987–4025 on declining and closing).
 *
 * @param nextKey          message key of "what happens now"; {@code nextDate} is its argument {0} where it has one
 * @param offerOpen        an offer is open, so the household may say it wants to decline
 * @param hasOffer         the household has a municipality (offer accepted or settled): the application deadline and
 *                         the self-settlement window no longer concern it
 * @param plannedDateAhead the planned moving date is today or later (shown as the planned date)
 * @param closedReasonKey  message key of why the case ended, or null
 * @param endedAt          when the case was closed or the offer declined, or null
 */
public record MyCaseGuidance(String nextKey, LocalDate nextDate, boolean offerOpen, boolean hasOffer, boolean settled,
                             LocalDate plannedDate, boolean plannedDateAhead, String closedReasonKey, OffsetDateTime endedAt,
                             String municipalityName) {

    /** The guidance for a case in {@code status} on {@code today}. */
    public static MyCaseGuidance derive(CaseStatus status, LocalDate plannedDate, LocalDate settlementDate, CloseReason closedReason,
                                        OffsetDateTime endedAt, String municipalityName, LocalDate today) {
        boolean offerOpen = CaseCommand.DECLINE_OFFER.appliesTo(status);
        boolean settled = status == CaseStatus.SETTLED;
        boolean hasOffer = municipalityName != null
                && (offerOpen || settled || status == CaseStatus.TEMPORARILY_ABSENT);
        boolean ahead = plannedDate != null && !plannedDate.isBefore(today);
        String key;
        LocalDate date = null;
        String reasonKey = null;
        switch (status) {
            case OFFERED -> {
                if (plannedDate == null) {
                    key = "self.guide.offered.noDate";
                } else if (ahead) {
                    key = "self.guide.offered.ahead";
                    date = plannedDate;
                } else {
                    key = "self.guide.offered.passed";
                    date = plannedDate;
                }
            }
            case SETTLED -> {
                key = settlementDate == null ? "self.next.SETTLED" : "self.guide.settled";
                date = settlementDate;
            }
            case CLOSED -> {
                key = endedAt == null ? "self.next.CLOSED" : "self.guide.closed";
                reasonKey = "self.guide.closedReason." + (closedReason == null ? "UNKNOWN" : closedReason.name());
            }
            case DECLINED -> key = endedAt == null ? "self.next.DECLINED" : "self.guide.declined";
            default -> key = "self.next." + status.name();
        }
        return new MyCaseGuidance(key, date, offerOpen, hasOffer, settled, plannedDate, ahead, reasonKey,
                status == CaseStatus.CLOSED || status == CaseStatus.DECLINED ? endedAt : null, municipalityName);
    }
}
