/**
 * Deadlines and reminders: the scheduler that runs every {@link no.bosetting.shared.deadlines.DeadlineRule}
 * bean the modules contribute (under a database lock, so one of several application instances does it),
 * the work items it keeps from what they report (one notification per item and stage, resolved when no
 * longer reported), each person's work list at {@code /oppgaver}, and the outbox health for the
 * administrator. Owns the tables {@code work_item} and {@code shedlock}.
 */
package no.bosetting.deadlines;
