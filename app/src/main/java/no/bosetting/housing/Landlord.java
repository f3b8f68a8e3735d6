package no.bosetting.housing;

import java.time.OffsetDateTime;

/** A private landlord known to one municipality, with how many offers and dwellings it has had. */
public record Landlord(long id, String municipalityNumber, String name, String phone, String email, boolean rejected,
                       String rejectedReason, OffsetDateTime rejectedAt, int offers, int dwellings) {
}
