package no.bosetting.housing;

import java.time.LocalDate;

/** One application for a housing instrument, for a household or a dwelling of the municipality. */
public record HousingInstrument(long id, String municipalityNumber, Long caseId, String caseReference, Long dwellingId,
                                String dwellingAddress, InstrumentKind kind, LocalDate appliedOn, InstrumentStatus status,
                                LocalDate decidedOn, Integer amount, String refusalReason, String note) {
}
