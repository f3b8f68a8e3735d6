package no.bosetting.housing;

public record DwellingFilter(DwellingStatus status, DwellingType dwellingType, Integer minRooms, Boolean accessible) {

    public static DwellingFilter none() {
        return new DwellingFilter(null, null, null, null);
    }
}
