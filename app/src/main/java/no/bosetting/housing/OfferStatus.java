package no.bosetting.housing;

public enum OfferStatus {
    RECEIVED,
    APPROVED,
    REJECTED
}
