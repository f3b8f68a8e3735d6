package no.bosetting.cases;

/** Where a settlement case is, from residence permit to settled. */
public enum CaseStatus {
    UNDER_MAPPING,
    READY_FOR_ALLOCATION,
    PROPOSED,
    OFFERED,
    SETTLED,
    DECLINED,
    CLOSED;

    public boolean isOpen() {
        return this != SETTLED && this != DECLINED && this != CLOSED;
    }
}
