package no.bosetting.cases;

/** A protected address: <i>fortrolig</i> (confidential) or <i>strengt fortrolig</i> (strictly confidential). */
public enum AddressProtection {
    FORTROLIG,
    STRENGT_FORTROLIG
}
