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
    PRIVATE,
    SELF_ESTABLISHED,
    SETTLED_IN_MUNICIPALITY;

    public boolean inReceptionSystem() {
        return this == RECEPTION_CENTRE || this == EMERGENCY_ACCOMMODATION || this == AMOT || this == MAMOT;
    }
}
