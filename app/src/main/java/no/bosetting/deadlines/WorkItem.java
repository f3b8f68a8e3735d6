package no.bosetting.deadlines;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One thing someone must act on, as a deadline rule reported it.
 *
 * @param recipient a username or a group ({@code municipality:0301}, {@code reception:17}, {@code agency}, {@code duf:…})
 * @param overdue   the due date has passed
 */
public record WorkItem(long id, String ruleCode, String itemKey, String stage, String recipient, String title, String detail,
                       Long caseId, LocalDate dueDate, String link, OffsetDateTime createdAt, OffsetDateTime resolvedAt,
                       boolean overdue, String titleKey, String[] titleArgs, String detailKey, String[] detailArgs) {

    /** The item as the rule reported it: title and detail are the stored Norwegian text, the keys (if any) word it anew. */
    public WorkItem(long id, String ruleCode, String itemKey, String stage, String recipient, String title, String detail,
                    Long caseId, LocalDate dueDate, String link, OffsetDateTime createdAt, OffsetDateTime resolvedAt,
                    boolean overdue) {
        this(id, ruleCode, itemKey, stage, recipient, title, detail, caseId, dueDate, link, createdAt, resolvedAt, overdue,
                null, new String[0], null, new String[0]);
    }

    /** The kind of recipient, for the work list: {@code user}, {@code municipality}, {@code reception}, {@code agency}, {@code refugee}. */
    public String recipientKind() {
        if (recipient.startsWith("municipality:")) {
            return "municipality";
        }
        if (recipient.startsWith("reception:")) {
            return "reception";
        }
        if (recipient.equals("agency")) {
            return "agency";
        }
        if (recipient.startsWith("duf:")) {
            return "refugee";
        }
        return "user";
    }
}
