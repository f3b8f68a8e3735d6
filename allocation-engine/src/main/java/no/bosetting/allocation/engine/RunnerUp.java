package no.bosetting.allocation.engine;

/**
 * The best other municipality for a household and why it was not chosen, as data (the English sentence in
 * {@link Explanation#runnerUp()} says the same).
 *
 * @param municipality the runner-up's municipality number
 * @param score        the household's score there (with year-mode potentials, the adjusted score)
 * @param reason       why it lost
 * @param dualPrice    the runner-up's dual price per person at the certified bound
 * @param netThere     score there minus dual price × persons
 * @param netHere      score at the chosen municipality minus its dual price × persons
 */
public record RunnerUp(String municipality, double score, Reason reason, double dualPrice, double netThere,
        double netHere) {

    public enum Reason {
        /** The runner-up scores lower than the chosen municipality. */
        LOWER_SCORE,
        /** The runner-up scores higher, but its places are worth more to other households (dual price). */
        CAPACITY_WORTH_MORE_TO_OTHERS
    }
}
