package no.bosetting.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * One residence permit as UDI delivers it: the household's members and where they live.
 * {@code permitReference} identifies the permit; importing it again changes nothing.
 */
public record PermitImportRequest(String permitReference, PermitType permitType, LocalDate permitDate,
                                  LivingSituation livingSituation, Long receptionCentreId, String municipalityNumber,
                                  List<PersonData> persons) {

    public record PersonData(String dufNumber, String nationalId, String dNumber, String givenName, String familyName,
                             LocalDate birthDate, String sex, String citizenship, Relation relation, String phone,
                             String email) {
    }
}
