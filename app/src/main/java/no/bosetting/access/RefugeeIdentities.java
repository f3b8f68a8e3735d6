package no.bosetting.access;

import java.util.Optional;

/**
 * Finds the refugee behind a national identity number proven by ID-porten. Implemented by the
 * refugee self-service module, so access does not depend on case data.
 */
public interface RefugeeIdentities {

    Optional<Actor> refugeeForNationalId(String nationalId);
}
