package no.bosetting.decisions;

/**
 * A municipality's places in a year: settled plus accepted-not-yet-settled, against its decided
 * number ("of which" unaccompanied minors).
 */
public record PlacesUsed(String municipalityNumber, int year, Integer decided, Integer decidedMinors, int settled,
                         int acceptedNotSettled, int minorsUsed) {

    public int used() {
        return settled + acceptedNotSettled;
    }

    public Integer remaining() {
        return decided == null ? null : decided - used();
    }

    public boolean exceeded() {
        return decided != null && used() > decided;
    }
}
