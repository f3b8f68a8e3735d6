/**
 * Reconsideration (omgjøring) of a decision on settlement municipality, settlement-process §4.3: an
 * exceptional request on fixed grounds (REQUESTED), the municipality informed first
 * (MUNICIPALITY_INFORMED), then decided (GRANTED or REFUSED) by the designated group. The designated
 * group is the agency administrator role (AGENCY_ADMIN): only it may grant or refuse. A granted
 * request revokes the household's decisions, releasing the places, and returns the case to allocation.
 */
package no.bosetting.reconsideration;
