package no.bosetting.interview;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The question set crisis mode selects for new interviews on a day (issue 18 item 1: the shortened set, as on 4 April
 * 2022), empty when crisis mode is off. Implemented by the module that owns the configuration ({@code crisis}).
 */
public interface CrisisQuestionSet {

    Optional<QuestionSet> on(LocalDate day);
}
