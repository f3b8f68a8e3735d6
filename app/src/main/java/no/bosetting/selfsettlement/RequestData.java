package no.bosetting.selfsettlement;

import java.time.LocalDate;

/** What a request names: the municipality where the dwelling is, the dwelling and the lease. */
public record RequestData(String municipalityNumber, String address, String landlordName, String landlordEmail,
                          LocalDate leaseStart, Integer monthlyRent, Integer rooms) {
}
