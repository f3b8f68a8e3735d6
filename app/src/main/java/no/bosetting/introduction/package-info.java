/**
 * The introduction-programme register (issue 17 item 4): per settled person the programme's start, end,
 * interruptions and leave, Norwegian and social-studies training, and the status one year after completion; the
 * agency's and the public results under the small-cell rule; and the outcome model (item 5) that predicts the chance of
 * work or education per household profile and municipality for the allocation policy's outcome term.
 * Owns {@code intro_participation}, {@code intro_period}, {@code intro_training}, {@code intro_outcome},
 * {@code outcome_model}.
 */
package no.bosetting.introduction;
