package no.bosetting.interview;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import no.bosetting.cases.PermitType;

/**
 * Versions of the interview's question set. For collective protection the set was cut to three
 * questions on 4 April 2022; work and education came back in May 2022, driving licence in March 2023.
 */
public enum QuestionSet {
    FULL_2021("2021-01", LocalDate.of(2021, 1, 1), EnumSet.allOf(Question.class)),
    UKRAINE_SHORT_2022_04("2022-04-UA", LocalDate.of(2022, 4, 4),
            EnumSet.of(Question.FAMILY_IN_NORWAY, Question.ADAPTATION_AND_HEALTH, Question.PETS, Question.MINOR_SITUATION)),
    UKRAINE_2022_05("2022-05-UA", LocalDate.of(2022, 5, 1),
            EnumSet.of(Question.FAMILY_IN_NORWAY, Question.ADAPTATION_AND_HEALTH, Question.PETS, Question.EDUCATION,
                    Question.WORK_EXPERIENCE, Question.MINOR_SITUATION)),
    UKRAINE_2023_03("2023-03-UA", LocalDate.of(2023, 3, 1),
            EnumSet.of(Question.FAMILY_IN_NORWAY, Question.NETWORK_IN_NORWAY, Question.ADAPTATION_AND_HEALTH, Question.PETS,
                    Question.EDUCATION, Question.WORK_EXPERIENCE, Question.DRIVING_LICENCE, Question.CAR,
                    Question.LANGUAGES, Question.MINOR_SITUATION));

    private final String version;
    private final LocalDate validFrom;
    private final Set<Question> questions;

    QuestionSet(String version, LocalDate validFrom, Set<Question> questions) {
        this.version = version;
        this.validFrom = validFrom;
        this.questions = questions;
    }

    public String version() {
        return version;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public boolean asks(Question q) {
        return questions.contains(q);
    }

    public Set<Question> questions() {
        return questions;
    }

    /** The set in force for a permit type on a date. */
    public static QuestionSet inForce(PermitType type, LocalDate date) {
        if (type != PermitType.COLLECTIVE_PROTECTION) {
            return FULL_2021;
        }
        QuestionSet current = FULL_2021;
        for (QuestionSet s : values()) {
            if (s != FULL_2021 && !date.isBefore(s.validFrom)) {
                current = s;
            }
        }
        return current;
    }

    public static QuestionSet byVersion(String version) {
        for (QuestionSet s : values()) {
            if (s.version.equals(version)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown question set " + version);
    }
}
