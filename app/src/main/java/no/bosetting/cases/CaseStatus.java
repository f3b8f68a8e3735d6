package no.bosetting.cases;

/** Where a settlement case is, from residence permit to settled. */
public enum CaseStatus {
    UNDER_MAPPING,
    READY_FOR_ALLOCATION,
    PROPOSED,
    OFFERED,
    SETTLED,
    DECLINED,
    CLOSED,
    /**
     * The household is away for a while (e.g. travelled abroad, report 000 lines 4027–4037) and expected back; the
     * case returns to the state before. Open: the settlement municipality may still hold its places.
     */
    TEMPORARILY_ABSENT;

    public boolean isOpen() {
        return this != SETTLED && this != DECLINED && this != CLOSED;
    }
}
