/**
 * Concern reports (issue 18 item 3): the interview's screening for negative social control, forced marriage, LHBTI
 * safety and trafficking indicators, and the restricted report it becomes — readable only by agency users designated
 * for protection work, every read in its own access log, with the referral to the right body (the Competence Team
 * against forced marriage and negative social control, the police, child welfare) and its answer; municipalities it
 * makes unsuitable and services it requires reach the allocation through {@code shared.AllocationRestrictions} without
 * the reason. Owns {@code concern_screening}, {@code concern_report}, {@code concern_unsuitable_municipality},
 * {@code concern_required_service}, {@code concern_access_log}.
 */
package no.bosetting.concerns;
