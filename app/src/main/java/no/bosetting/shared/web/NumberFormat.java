package no.bosetting.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way templates show numbers, as {@link TimeFormat} does times: {@code ${@num.whole(x)}} groups thousands
 * ("724 290" in Norwegian, "724,290" in English), {@code ${@num.decimal(x, 3)}} shows a weight or share with a
 * decimal comma ("1,125"), {@code ${@num.percent(share, 1)}} a fraction as per cent ("12,5 %"), and
 * {@code ${@num.input(x, 2)}} a value for a form field (decimal comma, no grouping, so {@link FormReader} reads it back).
 * Norwegian groups thousands with a no-break space (U+00A0), as Java's Norwegian locale and the messages'
 * {@code {0}} do, so a number never wraps; a year is a plain number ({@code {0,number,#}} in messages, never grouped).
 */
@Component("num")
public class NumberFormat {

    /** Norwegian, whatever the request's language: for texts that are always Norwegian (notifications, e-mails). */
    public static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

    /** A whole number with thousands grouped; null for null. */
    public String whole(Number value) {
        return whole(value, LocaleContextHolder.getLocale());
    }

    /** A number with exactly {@code decimals} decimals, thousands grouped. */
    public String decimal(Number value, int decimals) {
        return decimal(value, decimals, LocaleContextHolder.getLocale());
    }

    /** A fraction (0.125) as per cent with {@code decimals} decimals ("12,5 %"). */
    public String percent(Number fraction, int decimals) {
        if (fraction == null) {
            return null;
        }
        String number = decimal(fraction.doubleValue() * 100, decimals);
        return isEnglish(LocaleContextHolder.getLocale()) ? number + "%" : number + "\u00a0%";
    }

    /** A value for a form field: the decimal separator of the language, no grouping; empty for null. */
    public String input(Number value, int decimals) {
        if (value == null) {
            return "";
        }
        String plain = BigDecimal.valueOf(value.doubleValue()).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        return isEnglish(LocaleContextHolder.getLocale()) ? plain : plain.replace('.', ',');
    }

    public static String whole(Number value, Locale locale) {
        return value == null ? null : format(locale, 0).format(value);
    }

    public static String decimal(Number value, int decimals, Locale locale) {
        return value == null ? null : format(locale, decimals).format(value);
    }

    private static DecimalFormat format(Locale locale, int decimals) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(isEnglish(locale) ? Locale.UK : NORWEGIAN);
        if (!isEnglish(locale)) {
            symbols.setGroupingSeparator('\u00a0');
            symbols.setDecimalSeparator(',');
            symbols.setMinusSign('\u2212');
        }
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
