package no.bosetting.moves;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One settled person's move from one municipality to another after settlement. */
public record SecondaryMove(long id, long caseId, long personId, String fromMunicipality, String toMunicipality, LocalDate movedOn,
                            LocalDate settledOn, MoveReason reason, boolean agreed, String note, OffsetDateTime registeredAt,
                            String registeredBy) {

    /** Moves within this many years of settlement are counted as secondary moves (report 001 lines 835–845). */
    public static final int COUNTED_YEARS = 5;

    public boolean withinCountedYears() {
        return movedOn.isBefore(settledOn.plusYears(COUNTED_YEARS));
    }
}
