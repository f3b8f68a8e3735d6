package no.bosetting.planning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The national committee's need for places in a year, with its split by county number (may be empty): one version of
 * it, with who saved it, when and why.
 */
public record NationalNeed(int year, int persons, LocalDate decidedOn, Map<String, Integer> byCounty, int version, String reason,
                           OffsetDateTime savedAt, String savedBy) {

    public int splitTotal() {
        return byCounty.values().stream().mapToInt(Integer::intValue).sum();
    }
}
