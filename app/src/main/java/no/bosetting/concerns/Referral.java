package no.bosetting.concerns;

/**
 * The body a concern is referred to (report 004 line 51: questions about negative social control or forced marriage go
 * to the Competence Team against forced marriage; the police for trafficking and crime; child welfare for children).
 */
public enum Referral {
    COMPETENCE_TEAM,
    POLICE,
    CHILD_WELFARE
}
