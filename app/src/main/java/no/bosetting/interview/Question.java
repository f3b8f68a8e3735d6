package no.bosetting.interview;

/** The topics of the settlement interview; which are asked depends on the question-set version. */
public enum Question {
    FAMILY_IN_NORWAY,
    NETWORK_IN_NORWAY,
    ADAPTATION_AND_HEALTH,
    PETS,
    EDUCATION,
    WORK_EXPERIENCE,
    DRIVING_LICENCE,
    CAR,
    LANGUAGES,
    MINOR_SITUATION
}
