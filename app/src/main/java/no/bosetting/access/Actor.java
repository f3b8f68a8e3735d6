package no.bosetting.access;

/**
 * Who is acting: the signed-in user with role and scope. Every command and query takes one,
 * so authorisation is decided on the server from this and nothing the client sends. Serializable, since the
 * signed-in principal that carries it is stored in the database with the session (Spring Session JDBC, two nodes).
 */
public record Actor(String username, String displayName, Role role, String municipalityNumber,
                    Long receptionCentreId) implements java.io.Serializable {

    /** For work the system does by itself (scheduled jobs, demo data). */
    public static Actor system() {
        return new Actor("system", "Bosetting", Role.AGENCY_ADMIN, null, null);
    }

    /** A refugee signed in with their DUF number (one-time code in the demo, ID-porten in production). */
    public static Actor refugee(String dufNumber, String displayName) {
        return new Actor(REFUGEE_PREFIX + dufNumber, displayName, Role.REFUGEE, null, null);
    }

    static final String REFUGEE_PREFIX = "duf:";

    /** The refugee's own DUF number; empty for staff. */
    public java.util.Optional<String> dufNumber() {
        return role == Role.REFUGEE && username.startsWith(REFUGEE_PREFIX)
                ? java.util.Optional.of(username.substring(REFUGEE_PREFIX.length())) : java.util.Optional.empty();
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

    /**
     * Whether the actor is staff of this centre. Whether the centre may see a case is more: the household must live
     * there now and be on its way to settlement — ask {@code no.bosetting.cases.ReceptionScope}.
     */
    public boolean isReceptionCentre(Long centreId) {
        return role == Role.RECEPTION_STAFF && receptionCentreId != null && receptionCentreId.equals(centreId);
    }
}
