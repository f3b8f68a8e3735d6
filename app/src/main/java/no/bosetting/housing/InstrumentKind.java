package no.bosetting.housing;

/**
 * The state housing instruments. Housing allowance and start loans belong to a household; Husbanken's
 * loans and grants for rental dwellings belong to a dwelling.
 */
public enum InstrumentKind {
    HOUSING_ALLOWANCE(true),
    START_LOAN(true),
    HUSBANKEN_LOAN(false),
    HUSBANKEN_GRANT(false);

    private final boolean forHousehold;

    InstrumentKind(boolean forHousehold) {
        this.forHousehold = forHousehold;
    }

    public boolean forHousehold() {
        return forHousehold;
    }
}
