package no.bosetting.cases;

/** Why a member joined a household after its permit was imported. */
public enum JoinReason {
    /** Born after the permit. */
    BIRTH,
    /** Came to Norway by family reunification, with a permit of their own. */
    FAMILY_REUNIFICATION,
    /** Already in Norway and joins the household later (e.g. registered in another case first). */
    JOINED_LATER
}
