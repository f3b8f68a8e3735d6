package no.bosetting.shared.deadlines;

import java.util.List;

import no.bosetting.shared.Words;

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
                      LocalDate dueDate, String link, Text titleText, Text detailText) {

    /** A due item whose title and detail are only the Norwegian text (the work list shows it as it is). */
    public DueItem(String itemKey, String stage, String recipient, String title, String detail, Long caseId,
                   LocalDate dueDate, String link) {
        this(itemKey, stage, recipient, title, detail, caseId, dueDate, link, null, null);
    }

    /**
     * A due item worded from message keys: {@code title} and {@code detail} are written in Norwegian for notifications
     * and e-mails, and the work list words the keys in the reader's language (issue 16 point 6).
     */
    public static DueItem worded(Words words, String itemKey, String stage, String recipient, Text title, Text detail,
                                 Long caseId, LocalDate dueDate, String link) {
        return new DueItem(itemKey, stage, recipient, title.in(words), detail.in(words), caseId, dueDate, link, title, detail);
    }

    /** A message key and its arguments (already formatted: references, dates as dd.MM.yyyy, names). */
    public record Text(String key, List<String> args) {

        public static Text of(String key, String... args) {
            return new Text(key, List.of(args));
        }

        String in(Words words) {
            return words.text(key, args.toArray());
        }
    }
}
