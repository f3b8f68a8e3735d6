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
    TEMPORARILY_ABSENT,
    /**
     * A household living privately when the permit came: in the target group only by applying in time, so not in
     * mapping until the agency accepts its application (report 000 around lines 3074–3080, 3139–3167).
     */
    AWAITING_APPLICATION,
    /**
     * The six-month deadline passed without an application: the household is out of the flow, unless a late application
     * is accepted on the discretionary path (report 000 around lines 3074–3080 and 3946–3950).
     */
    APPLICATION_DEADLINE_MISSED;

    public boolean isOpen() {
        return this != SETTLED && this != DECLINED && this != CLOSED && this != APPLICATION_DEADLINE_MISSED;
    }
}
