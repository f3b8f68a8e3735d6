package no.bosetting.planning;

import java.time.LocalDate;
import java.util.Map;

/** The national committee's need for places in a year, with its split by county number (may be empty). */
record NationalNeed(int year, int persons, LocalDate decidedOn, Map<String, Integer> byCounty) {

    public int splitTotal() {
        return byCounty.values().stream().mapToInt(Integer::intValue).sum();
    }
}
