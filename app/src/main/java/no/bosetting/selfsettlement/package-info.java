/**
 * Agreed self-settlement (avtalt selvbosetting, ASB): the municipalities' settings, the refugees'
 * requests from the first contact through the municipality's check to the agency's decision, the
 * opt-in window after the permit, municipality-initiated self-settlement, the public overview and
 * the statistics that tell the settlement variants apart.
 */
package no.bosetting.selfsettlement;
