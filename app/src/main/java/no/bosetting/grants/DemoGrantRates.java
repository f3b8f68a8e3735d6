package no.bosetting.grants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import no.bosetting.access.Actor;
import org.springframework.stereotype.Service;

/**
 * The rates the reports do not give, as plainly labelled demo rates (never official figures): the integration grant per
 * category and scheme year, the unaccompanied-minors grant and the disability grant, valid 2020–2035, saved through
 * {@link GrantRates#add} like any rate. Used by the demo data and by tests; does nothing for a line that has a rate.
 */
@Service
public class DemoGrantRates {

    public static final String SOURCE = "Demo-sats – ikke en offisiell sats (rapportene oppgir ingen)";
    public static final LocalDate FROM = LocalDate.of(2020, 1, 1);
    public static final LocalDate TO = LocalDate.of(2035, 12, 31);

    /** Year 1 by category; later years the same for every category. Plain demo values. */
    static final Map<GrantCategory, Integer> YEAR_ONE = Map.of(GrantCategory.SINGLE_ADULT, 270_000, GrantCategory.ADULT_IN_FAMILY, 220_000,
            GrantCategory.CHILD, 200_000, GrantCategory.UNACCOMPANIED_MINOR, 220_000, GrantCategory.ELDERLY, 280_000);
    static final int[] LATER_YEARS = {0, 0, 250_000, 180_000, 100_000, 80_000};
    static final int MINORS_GRANT = 250_000;
    static final int DISABILITY_GRANT = 200_000;

    private final GrantRates rates;

    public DemoGrantRates(GrantRates rates) {
        this.rates = rates;
    }

    /** Adds the demo rates that are missing; returns how many were added. */
    public int ensure(Actor actor) {
        RateBook book = rates.book();
        int added = 0;
        for (GrantCategory c : GrantCategory.values()) {
            for (int n = 1; n <= 5; n++) {
                int amount = n == 1 ? YEAR_ONE.get(c) : LATER_YEARS[n];
                added += add(actor, book, GrantKind.INTEGRATION, c, n, amount);
            }
        }
        added += add(actor, book, GrantKind.UNACCOMPANIED_MINOR, null, null, MINORS_GRANT);
        added += add(actor, book, GrantKind.DISABILITY, null, null, DISABILITY_GRANT);
        return added;
    }

    private int add(Actor actor, RateBook book, GrantKind kind, GrantCategory c, Integer n, int amount) {
        if (book.rate(kind, c, n, FROM).isPresent()) {
            return 0;
        }
        return rates.add(actor, new GrantRates.RateForm(kind, c, n, BigDecimal.valueOf(amount), FROM, TO, SOURCE, true, null)).isSuccess() ? 1 : 0;
    }
}
