/**
 * Read models over the other modules: requested vs. decided vs. settled, waiting times, living
 * situation before settlement, the map, exports and the public statistics with small-cell suppression.
 * Owns no tables.
 */
package no.bosetting.statistics;
