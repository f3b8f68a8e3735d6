package no.bosetting.cases;

public enum PermitType {
    /** Individual asylum, Immigration Act §28. */
    ASYLUM,
    /** Collective protection, Immigration Act §34 (Ukrainians). */
    COLLECTIVE_PROTECTION,
    /** Resettlement refugees selected abroad. */
    RESETTLEMENT
}
