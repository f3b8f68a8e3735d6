package no.bosetting.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.shared.FieldProblem;

/**
 * The documentation that a person was informed of the consequence before the case is closed or the
 * offer declined (settlement-process §4.3): the confirmation, when, how, in which language and with
 * which interpreter. The person who informed is the actor recording it.
 */
public record ConsequenceInformed(boolean confirmed, LocalDate date, InformationChannel channel, String language,
                                  String interpreter) {

    public static final int MAX_TEXT = 200;

    public ConsequenceInformed {
        language = blank(language);
        interpreter = channel != null && channel.usesInterpreter() ? blank(interpreter) : null;
    }

    /**
     * Every problem with the record, one per field at most, in form order (the confirmation first): the date may be neither in
     * the future nor before the residence permit; the interpreter is required for a conversation with one.
     */
    public List<FieldProblem> problems(LocalDate today, LocalDate permitDate) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!confirmed) {
            problems.add(FieldProblem.of("informed", "error.informed.required"));
        }
        if (date == null) {
            problems.add(FieldProblem.of("informedOn", "error.informedOn.required"));
        } else if (date.isAfter(today)) {
            problems.add(FieldProblem.of("informedOn", "error.informedOn.future"));
        } else if (permitDate != null && date.isBefore(permitDate)) {
            problems.add(FieldProblem.of("informedOn", "error.informedOn.beforePermit", permitDate.format(NORWEGIAN_DATE)));
        }
        if (channel == null) {
            problems.add(FieldProblem.of("informedChannel", "error.informedChannel.required"));
        }
        if (language == null) {
            problems.add(FieldProblem.of("informedLanguage", "error.informedLanguage.required"));
        } else if (language.length() > MAX_TEXT) {
            problems.add(FieldProblem.of("informedLanguage", "error.text.tooLong", MAX_TEXT));
        }
        if (channel != null && channel.usesInterpreter()) {
            if (interpreter == null) {
                problems.add(FieldProblem.of("interpreter", "error.interpreter.required"));
            } else if (interpreter.length() > MAX_TEXT) {
                problems.add(FieldProblem.of("interpreter", "error.text.tooLong", MAX_TEXT));
            }
        }
        return problems;
    }

    /** The history line's wording, in bokmål like the rest of the case history. */
    String describe(String informedBy) {
        return "Informert om konsekvensen " + date.format(NORWEGIAN_DATE) + " ved " + channel.describe() + " på " + language
                + (interpreter == null ? "" : " (tolk: " + interpreter + ")") + " av " + informedBy;
    }

    static final DateTimeFormatter NORWEGIAN_DATE = no.bosetting.shared.ShownDates.DATE;

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
