package no.bosetting.cases;

import java.time.LocalDate;

/**
 * A household's temporary absence as shown on the case page.
 *
 * @param placesChoice the settlement municipality's choice, null until it has chosen (the places are held meanwhile)
 */
public record CaseAbsence(long id, LocalDate absentFrom, LocalDate expectedReturn, CaseStatus previousStatus,
                          String municipalityNumber, PlacesChoice placesChoice, String placesChosenBy, LocalDate endedOn) {

    /** The settlement municipality's choice for its places while the household is away. */
    public enum PlacesChoice { HOLD, RELEASE }

    public boolean hadOffer() {
        return previousStatus == CaseStatus.OFFERED;
    }
}
