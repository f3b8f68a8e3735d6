/** Deadline rules contributed by the business modules and run by the scheduler. */
package no.bosetting.shared.deadlines;
