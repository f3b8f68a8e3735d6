package no.bosetting.shared.deadlines;

import java.time.LocalDate;
import java.util.List;

/**
 * One module's deadline rule (proposal answers, settlement dates, long waiting, application
 * deadlines, self-settlement decisions, …). Each module contributes its rules as beans; the deadline
 * scheduler runs them all under a database lock and turns what they report into work-list items and
 * notifications, each once per item and stage. A rule only reads: it never changes a case.
 */
public interface DeadlineRule {

    /** Stable code, e.g. {@code proposal-answer}; part of the key that stops double notifications. */
    String code();

    /** Everything that needs someone's attention on this day, in the rule's current stages. */
    List<DueItem> evaluate(LocalDate today);
}
