package no.bosetting.concerns;

/**
 * What the interview's screening asks about (report 004 line 32: negative social control, forced marriage, LHBTI;
 * report 000 around lines 589, 1283, 1504, 2423: trafficking indicators, the police's national expert group).
 */
public enum ConcernIndicator {
    NEGATIVE_SOCIAL_CONTROL,
    FORCED_MARRIAGE,
    LHBTI_SAFETY,
    TRAFFICKING
}
