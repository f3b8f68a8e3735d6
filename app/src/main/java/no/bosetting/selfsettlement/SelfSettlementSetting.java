package no.bosetting.selfsettlement;

import java.time.OffsetDateTime;

/**
 * A municipality's ASB setting: whether it accepts agreed self-settlement, its written rules, its
 * rent limit (NOK a month) and the cap on self-settlements as a percentage of its decided number.
 */
public record SelfSettlementSetting(String municipalityNumber, boolean accepts, String rulesText, Integer rentLimit,
                                    int capPercent, OffsetDateTime updatedAt, String updatedBy) {

    public static final int DEFAULT_CAP_PERCENT = 25;

    /** The most persons that may be settled by ASB in a year with this decided number. */
    public int capFor(int decided) {
        return decided * capPercent / 100;
    }
}
