package no.bosetting.housing;

/** Signed directly between tenant and landlord, or rented by the municipality and sublet. */
public enum LeaseKind {
    DIRECT,
    SUBLEASE
}
