package no.bosetting.interview;

import java.time.OffsetDateTime;

public record SettlementInterview(long caseId, QuestionSet questionSet, InterviewAnswers answers,
                                  OffsetDateTime recordedAt, String recordedBy) {
}
