package no.bosetting.access;

/**
 * Who is acting: the signed-in user with role and scope. Every command and query takes one,
 * so authorisation is decided on the server from this and nothing the client sends.
 */
public record Actor(String username, String displayName, Role role, String municipalityNumber,
                    Long receptionCentreId) {

    /** For work the system does by itself (scheduled jobs, demo data). */
    public static Actor system() {
        return new Actor("system", "Bosetting", Role.AGENCY_ADMIN, null, null);
    }

    public boolean isAgency() {
        return role.isAgency();
    }

    public boolean is(Role r) {
        return role == r;
    }

    public boolean isMunicipality(String number) {
        return role == Role.MUNICIPALITY_OFFICER && municipalityNumber != null && municipalityNumber.equals(number);
    }

    public boolean isReceptionCentre(Long centreId) {
        return role == Role.RECEPTION_STAFF && receptionCentreId != null && receptionCentreId.equals(centreId);
    }
}
