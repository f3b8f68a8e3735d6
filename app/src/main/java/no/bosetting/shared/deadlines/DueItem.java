package no.bosetting.shared.deadlines;

import java.time.LocalDate;

/**
 * Something a person must act on by a date.
 *
 * @param itemKey   what it is about, unique within the rule, e.g. {@code proposal:123}
 * @param stage     how far it has gone, e.g. {@code reminder}, {@code overdue}, {@code escalated}; a new
 *                  stage notifies again, the same stage never does
 * @param recipient a username, or a group: {@code municipality:0301} (its officers),
 *                  {@code reception:17} (the centre's staff), {@code agency} (the agency's caseworkers),
 *                  {@code duf:123456789012} (the refugee)
 * @param title     short Norwegian text for the work list and the notification subject
 * @param detail    one or two sentences: what is due and what to do
 * @param caseId    the settlement case, when there is one
 * @param dueDate   when it is (or was) due
 * @param link      the page where it is done, relative to the application root (e.g. {@code /kommune/forslag/123})
 */
public record DueItem(String itemKey, String stage, String recipient, String title, String detail, Long caseId,
                      LocalDate dueDate, String link) {
}
