package vn.cungem.campaign.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.cungem.campaign.CampaignProblem;
import vn.cungem.shared.Money;
import vn.cungem.shared.text.Formats;

/**
 * Reads what people type into the form's text fields. A value that cannot be read becomes a problem on its field (shown
 * back beside it), never an exception.
 */
final class TypedValues {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private TypedValues() {}

    /** Accepts what a date input sends (yyyy-MM-dd) and what people type (dd/MM/yyyy). */
    static LocalDate date(String text, String field, List<CampaignProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        for (DateTimeFormatter format : List.of(ISO, Formats.DATE, DateTimeFormatter.ofPattern("d/M/yyyy"))) {
            try {
                return LocalDate.parse(t, format);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        problems.add(CampaignProblem.of(field, "campaign.problem.not-a-date", clip(t)));
        return null;
    }

    /** Whole numbers; dots and spaces as Vietnamese thousands separators are allowed (50.000). */
    static Long amount(String text, String field, List<CampaignProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.trim().replaceAll("[.\\s\\u00A0]", "");
        if (!digits.matches("-?\\d{1,15}")) {
            problems.add(CampaignProblem.of(field, "campaign.problem.not-a-number", clip(text)));
            return null;
        }
        return Long.parseLong(digits);
    }

    static Money money(String text, String field, List<CampaignProblem> problems) {
        return Money.ofNullable(amount(text, field, problems));
    }

    static Integer integer(String text, String field, List<CampaignProblem> problems) {
        Long value = amount(text, field, problems);
        if (value == null) {
            return null;
        }
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            problems.add(CampaignProblem.of(field, "campaign.problem.number-too-large"));
            return null;
        }
        return value.intValue();
    }

    static <E extends Enum<E>> List<E> enums(
            Class<E> type, List<String> names, String field, List<CampaignProblem> problems) {
        List<E> out = new ArrayList<>();
        for (String n : names == null ? List.<String>of() : names) {
            if (n == null || n.isBlank()) {
                continue;
            }
            try {
                out.add(Enum.valueOf(type, n.trim()));
            } catch (IllegalArgumentException e) {
                problems.add(CampaignProblem.of(field, "campaign.problem.not-a-choice", clip(n)));
            }
        }
        return out;
    }

    static boolean allBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static String iso(LocalDate d) {
        return d == null ? null : ISO.format(d);
    }

    static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
