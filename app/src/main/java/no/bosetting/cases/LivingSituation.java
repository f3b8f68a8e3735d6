package no.bosetting.cases;

/**
 * Where a person lives before settlement. AMOT and MAMOT are part of the reception system and
 * must never be counted or shown as living privately.
 */
public enum LivingSituation {
    RECEPTION_CENTRE,
    EMERGENCY_ACCOMMODATION,
    AMOT,
    MAMOT,
    /**
     * A temporary reception scheme the agency configured in crisis mode (MAMOT as the model, issue 18 item 1; report 000
     * lines 685–700: people under it easy to identify): recorded only inside a configured scheme's window
     * ({@link TemporarySchemes}), part of the reception system, never living privately.
     */
    TEMPORARY_SCHEME,
    PRIVATE,
    SELF_ESTABLISHED,
    SETTLED_IN_MUNICIPALITY;

    public boolean inReceptionSystem() {
        return this == RECEPTION_CENTRE || this == EMERGENCY_ACCOMMODATION || this == AMOT || this == MAMOT
                || this == TEMPORARY_SCHEME;
    }
}
