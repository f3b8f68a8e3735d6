/**
 * The municipality's housing: the dwelling register, offers of private dwellings from the public and
 * their quality assurance, landlords, leases with expiry reminders, matching accepted households to
 * vacant dwellings, and the housing capacity the allocation engine plans with.
 */
package no.bosetting.housing;
