package no.bosetting.interview;

import java.util.regex.Pattern;

/**
 * Whether a free text names health information: a diagnosis, a condition or treatment. Report 004 line 32: health
 * information is gathered only with the refugee's consent; so the practical needs of the interview (ground floor,
 * accessible dwelling, near a hospital), which every proposed municipality sees, may not carry it. The interview
 * refuses such words in the practical field, and the anonymised profile withholds a practical text that still has them
 * (text recorded before the split) unless someone in the household consented. Migration V38 sorted existing texts
 * with the same words.
 */
public final class HealthContent {

    private static final Pattern WORDS = Pattern.compile(
            "autis|diabet|astma|epilep|kreft|psykisk|psykiatr|psykolog|traum|\\bptsd\\b|depresj|angst|\\bhiv\\b|hepatitt"
                    + "|tuberkul|sykdom|diagnos|medisin|hørsel|høreapparat|\\bdøv|blind|synshemm|utviklingshemm|\\badhd\\b"
                    + "|migren|hjerte|dialyse|blodtrykk|rusavhengig|rusmiddel|\\bbehandling|\\blege|fastlege",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private HealthContent() {
    }

    public static boolean mentionsHealth(String text) {
        return text != null && WORDS.matcher(text).find();
    }
}
