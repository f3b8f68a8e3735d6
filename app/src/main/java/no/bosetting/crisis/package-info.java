/**
 * Crisis mode as configuration (issue 18 items 1–2; report 000 lines 685–700, 8985–8995, 9150–9160): the agency switches
 * it on with a start date and reason; while on, the shortened interview set, a temporary reception scheme (MAMOT as the
 * model), municipalities' notifications of named refugees they want to settle, the joint fast-track application,
 * larger distribution rounds and daily national figures. Owns crisis_period, crisis_notification(_history),
 * fast_track_application and fast_track_history.
 */
package no.bosetting.crisis;
