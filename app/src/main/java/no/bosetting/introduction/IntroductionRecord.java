package no.bosetting.introduction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One person's entry in the introduction register.
 *
 * @param participation the programme (null when not recorded yet)
 * @param periods       interruptions and leave, oldest first
 * @param training      Norwegian and social-studies training, oldest first
 * @param outcome       the status one year after completion (null when not recorded)
 */
public record IntroductionRecord(Participation participation, List<Period> periods, List<Training> training, Outcome outcome) {

    public record Participation(long personId, long caseId, String municipalityNumber, LocalDate startedOn, LocalDate completedOn,
                                OffsetDateTime updatedAt, String updatedBy) {
    }

    public record Period(long id, PeriodKind kind, LocalDate from, LocalDate to, OffsetDateTime registeredAt, String registeredBy) {
    }

    public record Training(long id, TrainingSubject subject, int hours, LocalDate testOn, NorwegianLevel level, Boolean passed,
                           OffsetDateTime registeredAt, String registeredBy) {
    }

    public record Outcome(OutcomeCategory status, LocalDate measuredOn, OffsetDateTime registeredAt, String registeredBy) {
    }

    /** Total training hours per subject. */
    public int hours(TrainingSubject subject) {
        return training.stream().filter(t -> t.subject() == subject).mapToInt(Training::hours).sum();
    }
}
