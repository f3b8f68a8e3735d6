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
     * A household living privately when the permit came: in the target group only by applying in time, so not in
     * mapping until the agency accepts its application (report 000 around lines 3074–3080, 3139–3167).
     */
    AWAITING_APPLICATION;

    public boolean isOpen() {
        return this != SETTLED && this != DECLINED && this != CLOSED;
    }
}
