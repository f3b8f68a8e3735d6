package no.bosetting.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.web.FormReader;

/**
 * The "informed of the consequence" fields as a form sends them (the date as typed), shared by the
 * closing and declining forms: the values to show again after an error, every problem at once, and the record.
 */
public final class InformedForm {

    private InformedForm() {
    }

    /** The values sent, by field name, to fill the form again after an error. */
    public static Map<String, String> values(boolean informed, String date, InformationChannel channel, String language,
                                             String interpreter) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("informed", String.valueOf(informed));
        values.put("informedOn", date == null ? "" : date.trim());
        values.put("informedChannel", channel == null ? "" : channel.name());
        values.put("informedLanguage", language == null ? "" : language);
        values.put("interpreter", interpreter == null ? "" : interpreter);
        return values;
    }

    /** Every problem with the fields; a date that is not a date is named as such. */
    public static List<FieldProblem> problems(boolean informed, String date, InformationChannel channel, String language,
                                              String interpreter, LocalDate today, LocalDate permitDate) {
        boolean unreadable = date != null && !date.isBlank() && parse(date) == null;
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldProblem p : record(informed, date, channel, language, interpreter).problems(today, permitDate)) {
            problems.add(unreadable && p.field().equals("informedOn") ? FieldProblem.of("informedOn", "error.date.invalid") : p);
        }
        return problems;
    }

    public static ConsequenceInformed record(boolean informed, String date, InformationChannel channel, String language,
                                             String interpreter) {
        return new ConsequenceInformed(informed, parse(date), channel, language, interpreter);
    }

    /** The date as the one form reader reads it (a date input's 2026-05-17, or 17.5.2026 as typed); unreadable is null. */
    private static LocalDate parse(String date) {
        return date == null ? null : new FormReader(Map.of("date", date)).date("date");
    }
}
