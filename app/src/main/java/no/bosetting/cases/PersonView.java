package no.bosetting.cases;

import java.time.LocalDate;

/** A household member with identifying data; reading one is logged. */
public record PersonView(long id, String dufNumber, String nationalId, String dNumber, String givenName,
                         String familyName, LocalDate birthDate, char sex, String citizenship, Relation relation,
                         String phone, String email, int age) {

    public String fullName() {
        return givenName + " " + familyName;
    }
}
