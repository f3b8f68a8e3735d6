/**
 * Applications for settlement with public help from refugees living privately (§4.1): the form (also
 * before the permit), the six-month deadline from a configurable start rule, the agency's queue with
 * the discretionary path for late applications, deadline reminders, and the municipality's anonymised
 * view of private and AMOT/MAMOT residents in its area.
 */
package no.bosetting.applications;
