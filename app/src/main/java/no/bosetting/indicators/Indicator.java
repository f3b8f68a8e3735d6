package no.bosetting.indicators;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The per-municipality indicators behind the request criteria, with the code a CSV file names them by and the
 * values they may take: shares in per cent (0–100), persons as whole numbers.
 */
public enum Indicator {
    /** Registered fully unemployed, per cent of the labour force (NAV "helt ledige"). */
    UNEMPLOYMENT("arbeidsledighet", 100, false),
    /** Share in work or education one year after the introduction programme, per cent (SSB 11633). */
    INTRODUCTION_RESULTS("introduksjon_arbeid_utdanning", 100, false),
    /** Immigrants as per cent of the population (SSB 09817). */
    IMMIGRANT_SHARE("innvandrerandel", 100, false),
    /** Refugees settled in the year, persons (IMDi). */
    SETTLED("bosatt", 100_000, true),
    /** Refugees IMDi asked the municipality to settle, persons. */
    REQUESTED("anmodning", 100_000, true),
    /** Refugees the municipal council decided to settle, persons. */
    DECIDED("vedtak", 100_000, true);

    private final String code;
    private final int max;
    private final boolean persons;

    Indicator(String code, int max, boolean persons) {
        this.code = code;
        this.max = max;
        this.persons = persons;
    }

    public String code() {
        return code;
    }

    public int max() {
        return max;
    }

    /** Counts persons (a whole number); otherwise a share in per cent. */
    public boolean persons() {
        return persons;
    }

    public boolean inRange(BigDecimal value) {
        return value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0
                && (!persons || value.stripTrailingZeros().scale() <= 0);
    }

    public static Optional<Indicator> ofCode(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equalsIgnoreCase(code == null ? "" : code.trim())).findFirst();
    }
}
