package no.bosetting.indicators;

import java.math.BigDecimal;

/** One municipality's figure for one indicator and year, with where it came from. */
public record IndicatorValue(Indicator indicator, String municipalityNumber, int year, BigDecimal value, String source,
                             String tableId, String note) {

    public double asDouble() {
        return value.doubleValue();
    }

    public int asInt() {
        return value.intValue();
    }
}
