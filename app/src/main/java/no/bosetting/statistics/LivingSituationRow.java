package no.bosetting.statistics;

/**
 * Persons settled in a year by where they lived just before settlement: the person's last residence
 * entry starting on or before the settlement date. Households are counted by their main living situation.
 */
public record LivingSituationRow(String livingSituation, int persons, int households) {

    public LivingSituationRow suppressed() {
        Integer p = SmallCells.count(persons);
        Integer h = SmallCells.count(households);
        return new LivingSituationRow(livingSituation, p == null ? -1 : p, h == null ? -1 : h);
    }
}
