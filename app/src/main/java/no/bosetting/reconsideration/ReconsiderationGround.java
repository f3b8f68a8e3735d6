package no.bosetting.reconsideration;

/** The fixed grounds for reconsidering a decision on settlement municipality (settlement-process §4.3). */
public enum ReconsiderationGround {
    /** Settlement in the municipality takes unreasonably long. */
    UNREASONABLE_TIME,
    /** The refugee has got work or housing elsewhere. */
    WORK_OR_HOUSING_ELSEWHERE,
    /** Essential facts arrived late, e.g. a hearing impairment. */
    LATE_ESSENTIAL_FACTS,
    /** Risk of negative social control or forced marriage. */
    NEGATIVE_SOCIAL_CONTROL_OR_FORCED_MARRIAGE
}
