package no.bosetting.housing;

public enum InstrumentStatus {
    PENDING,
    GRANTED,
    REFUSED,
    WITHDRAWN
}
