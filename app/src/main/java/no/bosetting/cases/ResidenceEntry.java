package no.bosetting.cases;

import java.time.LocalDate;

public record ResidenceEntry(long personId, LivingSituation kind, String receptionCentreName,
                             String municipalityNumber, LocalDate fromDate, LocalDate toDate) {
}
