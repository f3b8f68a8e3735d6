package no.bosetting.statistics;

/**
 * Persons settled in a year by where they lived just before settlement: the person's last residence
 * entry starting on or before the settlement date. Households are counted once, by their main member's
 * situation on their first settlement date. Rows are either single situations or the published {@link Series}.
 */
public record LivingSituationRow(String livingSituation, int persons, int households) {

    /**
     * The published series: reception (ordinary reception centres and emergency accommodation), AMOT/MAMOT
     * (alternative reception with family, part of the reception system — never private), private (living
     * privately outside the reception system), and other (anything else, such as self-established).
     */
    public enum Series { RECEPTION, AMOT_MAMOT, PRIVATE, OTHER }

    public static Series series(String livingSituation) {
        return switch (livingSituation) {
            case "RECEPTION_CENTRE", "EMERGENCY_ACCOMMODATION" -> Series.RECEPTION;
            case "AMOT", "MAMOT", "TEMPORARY_SCHEME" -> Series.AMOT_MAMOT; // a configured temporary scheme: never private
            case "PRIVATE" -> Series.PRIVATE;
            default -> Series.OTHER;
        };
    }

    /** Primary suppression only; published outputs use {@link PublishedStatistics#suppressed}. */
    public LivingSituationRow suppressed() {
        Integer p = SmallCells.count(persons);
        Integer h = SmallCells.count(households);
        return new LivingSituationRow(livingSituation, p == null ? -1 : p, h == null ? -1 : h);
    }
}
