package no.bosetting.introduction;

/**
 * The status one year after completing the programme, in the categories official statistics use (SSB's table 11633
 * counts work, education, both, and neither): work or education is any of the first three.
 */
public enum OutcomeCategory {
    WORK, EDUCATION, BOTH, NEITHER;

    public boolean workOrEducation() {
        return this != NEITHER;
    }
}
