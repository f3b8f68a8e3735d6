package no.bosetting.access;

/**
 * Roles. Municipality officers and reception-centre staff are scoped to one unit each; a refugee is
 * scoped to the cases of their own DUF number and never reaches a staff page.
 */
public enum Role {
    AGENCY_CASEWORKER,
    AGENCY_PLANNER,
    AGENCY_ADMIN,
    MUNICIPALITY_OFFICER,
    RECEPTION_STAFF,
    STATISTICS_READER,
    REFUGEE;

    public boolean isAgency() {
        return this == AGENCY_CASEWORKER || this == AGENCY_PLANNER || this == AGENCY_ADMIN;
    }

    public boolean isStaff() {
        return this != REFUGEE;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
