package no.bosetting.access;

/** Staff roles. Municipality officers and reception-centre staff are scoped to one unit each. */
public enum Role {
    AGENCY_CASEWORKER,
    AGENCY_PLANNER,
    AGENCY_ADMIN,
    MUNICIPALITY_OFFICER,
    RECEPTION_STAFF,
    STATISTICS_READER;

    public boolean isAgency() {
        return this == AGENCY_CASEWORKER || this == AGENCY_PLANNER || this == AGENCY_ADMIN;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
