package no.bosetting.housing;

/** Who owns the dwelling and how the household rents it. */
public enum OwnerType {
    MUNICIPAL,
    MUNICIPAL_COMPANY,
    PRIVATE_SUBLEASE,
    PRIVATE_DIRECT
}
