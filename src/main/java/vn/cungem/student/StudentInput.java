package vn.cungem.student;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.text.Formats;
import vn.cungem.shared.text.Labelled;
import vn.cungem.shared.text.Labelled.Label;
import vn.cungem.shared.text.VietnameseText;

/**
 * A student as a form, the API or a spreadsheet row gives it: raw strings, any of them blank or badly typed. {@link
 * #validate(ValidationContext)} is the one place that reads them, so a student typed in the browser, sent to the API or
 * imported from a file is checked by the same rules and gets the same messages.
 *
 * @param school the school's MOET code; blank when the context has a fixed school
 * @param homeUnit the commune or ward of residence, by official code or name
 * @param categories priority categories by code or name, separated by commas, semicolons or new lines
 * @param needs what the student needs ({@link Needs#parse(String)}); blank means a device
 */
public record StudentInput(
        String fullName,
        String birthDate,
        String gender,
        String personalId,
        String moetCode,
        String school,
        String grade,
        String className,
        String homeUnit,
        String address,
        String guardianName,
        String guardianPhone,
        String categories,
        String deviceSituation,
        String connectivity,
        String needs,
        String notes) {

    private static final Pattern GRADE = Pattern.compile("(?:lop|khoi|grade)?\\s*(\\d{1,2})\\s*([a-z]?\\d*[a-z]?\\d*)");
    private static final Pattern CATEGORY_SEPARATORS = Pattern.compile("[,;\\n]");
    private static final Pattern MOET_CODE = Pattern.compile("[A-Z0-9][A-Z0-9\\-]{0,31}");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{M} '\\-.]");
    /**
     * Symbols that a Vietnamese name shows when it was typed with an old 8-bit font (TCVN3/ABC ".VnTime", VNI) and read
     * as Unicode: "Ph¹m V¨n An" for Phạm Văn An, "Lª ThÞ Hµ" for Lê Thị Hà. None belongs in a Vietnamese name (some
     * are letters, so the letters-only rule alone would let "Lª ThÞ Hµ" through); their presence names the cause.
     */
    private static final Pattern TCVN3 = Pattern.compile("[¸¹µ¶·¨©ª«®¬¯°±²³´½¾¼»º×÷Þþ]");

    public Validated validate(ValidationContext context) {
        List<FieldProblem> problems = new ArrayList<>();

        String name = personName(fullName, "fullName", true, problems);

        LocalDate born = null;
        if (blank(birthDate)) {
            problems.add(FieldProblem.errorOf("birthDate", "student.problem.birthDate.missing"));
        } else {
            Optional<LocalDate> parsed = StudentDates.parse(birthDate, context.today());
            if (parsed.isEmpty()) {
                problems.add(
                        FieldProblem.errorOf("birthDate", "student.problem.birthDate.unreadable", shown(birthDate)));
            } else if (parsed.get().isAfter(context.today().minusYears(3))
                    || parsed.get().isBefore(context.today().minusYears(25))) {
                // day/month/year for Vietnamese readers, ISO for English ones, who may read either order
                Label date = new Label(Formats.date(parsed.get()), parsed.get().toString());
                problems.add(FieldProblem.errorOf("birthDate", "student.problem.birthDate.implausible", date));
            } else {
                born = parsed.get();
            }
        }

        Gender sex = null;
        if (blank(gender)) {
            problems.add(FieldProblem.errorOf("gender", "student.problem.gender.missing"));
        } else {
            sex = Gender.parse(gender).orElse(null);
            if (sex == null) {
                problems.add(FieldProblem.errorOf("gender", "student.problem.gender.unknown", shown(gender)));
            }
        }

        PersonalIdNumber id = null;
        if (!blank(personalId)) {
            try {
                id = PersonalIdNumber.parse(personalId);
                id.disagreement(born, sex).ifPresent(problems::add);
            } catch (InvalidValueException e) {
                // the typed number is not repeated: it may be a real number with one digit wrong
                problems.add(FieldProblem.error("personalId", e.messageVi(), e.messageEn()));
            }
        }

        String studentCode = null;
        if (!blank(moetCode)) {
            studentCode = VietnameseText.tidy(moetCode).replace(" ", "").toUpperCase(Locale.ROOT);
            if (!MOET_CODE.matcher(studentCode).matches()) {
                problems.add(FieldProblem.errorOf("moetCode", "student.problem.moetCode.format"));
                studentCode = null;
            }
        }

        SchoolRef schoolRef = school(context, problems);

        Integer gradeNumber = null;
        String klass = tidyOrNull(className);
        if (blank(grade)) {
            problems.add(FieldProblem.errorOf("grade", "student.problem.grade.missing"));
        } else {
            Matcher m = GRADE.matcher(VietnameseText.fold(grade));
            int value = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (value < 1 || value > 12) {
                problems.add(FieldProblem.errorOf("grade", "student.problem.grade.invalid", shown(grade)));
            } else {
                gradeNumber = value;
                // "6A3" typed in the grade column is both the grade and the class
                if (klass == null && !m.group(2).isEmpty()) {
                    klass = VietnameseText.tidy(grade).toUpperCase(VietnameseText.VIETNAMESE);
                }
                if (schoolRef != null && !schoolRef.teaches(value)) {
                    problems.add(FieldProblem.warningOf(
                            "grade", "student.problem.grade.notTaught", schoolRef.name(), String.valueOf(value)));
                }
            }
        }
        klass = limit(klass, 20, "className", problems);

        Long homeUnitId = null;
        if (!blank(homeUnit)) {
            homeUnitId = context.communeByCodeOrName(homeUnit.strip()).orElse(null);
            if (homeUnitId == null) {
                problems.add(FieldProblem.warningOf("homeUnit", "student.problem.homeUnit.unknown", shown(homeUnit)));
            }
        }

        String addr = limit(tidyOrNull(address), 300, "address", problems);
        String guardian = personName(guardianName, "guardianName", false, problems);

        PhoneNumber phone = null;
        if (!blank(guardianPhone)) {
            try {
                phone = PhoneNumber.parse(guardianPhone);
            } catch (InvalidValueException e) {
                problems.add(FieldProblem.error("guardianPhone", e.messageVi(), e.messageEn()));
            }
        }

        TreeSet<String> categoryCodes = new TreeSet<>();
        if (!blank(categories)) {
            for (String part : CATEGORY_SEPARATORS.split(categories)) {
                if (part.isBlank()) {
                    continue;
                }
                Optional<PriorityCategory> category = context.category(part);
                if (category.isPresent()) {
                    categoryCodes.add(category.get().code());
                } else {
                    // Vietnamese readers get the categories' names, English ones their codes
                    Label known = new Label(
                            context.categories().stream()
                                    .map(PriorityCategory::nameVi)
                                    .collect(Collectors.joining("; ")),
                            context.categories().stream()
                                    .map(PriorityCategory::code)
                                    .collect(Collectors.joining(", ")));
                    problems.add(FieldProblem.errorOf(
                            "categories", "student.problem.categories.unknown", shown(part), known));
                }
            }
        }

        DeviceSituation device = required(
                deviceSituation,
                DeviceSituation.parse(deviceSituation),
                "deviceSituation",
                DeviceSituation.values(),
                problems);
        Connectivity connection = required(
                connectivity, Connectivity.parse(connectivity), "connectivity", Connectivity.values(), problems);

        Needs need = Needs.parse(needs).orElse(null);
        if (need == null) {
            problems.add(FieldProblem.errorOf("needs", "student.problem.needs.unknown", shown(needs)));
        }

        String note = limit(tidyOrNull(notes), 1000, "notes", problems);

        if (problems.stream().anyMatch(FieldProblem::isError)) {
            return new Validated(null, null, problems);
        }
        StudentDetails details = new StudentDetails(
                name,
                born,
                sex,
                id,
                studentCode,
                schoolRef.id(),
                schoolRef.unitId(),
                gradeNumber,
                klass,
                homeUnitId,
                addr,
                guardian,
                phone,
                categoryCodes,
                device,
                connection,
                need,
                note);
        return new Validated(details, details.priority(context.categories()), problems);
    }

    private SchoolRef school(ValidationContext context, List<FieldProblem> problems) {
        SchoolRef fixed = context.fixedSchool();
        if (blank(school)) {
            if (fixed == null) {
                problems.add(FieldProblem.errorOf("school", "student.problem.school.missing"));
            }
            return fixed;
        }
        Optional<SchoolRef> found = context.schoolByCode(school.strip());
        if (found.isEmpty()) {
            problems.add(FieldProblem.errorOf("school", "student.problem.school.unknown", shown(school)));
            return null;
        }
        if (fixed != null && fixed.id() != found.get().id()) {
            problems.add(FieldProblem.errorOf("school", "student.problem.school.other", shown(school), fixed.name()));
            return null;
        }
        return found.get();
    }

    private static <E extends Labelled> E required(
            String raw, Optional<E> parsed, String field, E[] choices, List<FieldProblem> problems) {
        if (blank(raw)) {
            Label name = fieldName(field);
            // the name runs on inside the Vietnamese sentence, so it is lower-cased there
            Label inSentence = new Label(name.vi().toLowerCase(VietnameseText.VIETNAMESE), name.en());
            problems.add(FieldProblem.errorOf(field, "student.problem.choice.missing", inSentence));
            return null;
        }
        if (parsed.isEmpty()) {
            String names = Arrays.stream(choices).map(Labelled::nameVi).collect(Collectors.joining(" / "));
            problems.add(
                    FieldProblem.errorOf(field, "student.problem.choice.unknown", fieldName(field), shown(raw), names));
            return null;
        }
        return parsed.get();
    }

    private static String personName(String raw, String field, boolean required, List<FieldProblem> problems) {
        String tidy = tidyOrNull(raw);
        if (tidy == null) {
            if (required) {
                problems.add(FieldProblem.errorOf(field, "student.problem.name.missing", fieldName(field)));
            }
            return null;
        }
        if (TCVN3.matcher(tidy).find()) {
            problems.add(FieldProblem.errorOf(field, "student.problem.name.tcvn3", fieldName(field), shown(raw)));
            return null;
        }
        if (!LETTER.matcher(tidy).find() || NOT_NAME.matcher(tidy).find()) {
            problems.add(FieldProblem.errorOf(field, "student.problem.name.letters", fieldName(field), shown(raw)));
            return null;
        }
        return limit(titleCaseIfShouting(tidy), 200, field, problems);
    }

    /** {@code NGUYỄN VĂN AN} → {@code Nguyễn Văn An}; names typed in mixed case are left as typed. */
    static String titleCaseIfShouting(String name) {
        if (!name.equals(name.toUpperCase(VietnameseText.VIETNAMESE))) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            out.appendCodePoint(start ? Character.toTitleCase(cp) : Character.toLowerCase(cp));
            start = cp == ' ' || cp == '-';
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String limit(String value, int max, String field, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            // the limit as text: the bundles would print 1000 as 1.000
            problems.add(FieldProblem.errorOf(field, "student.problem.tooLong", fieldName(field), String.valueOf(max)));
            return null;
        }
        return value;
    }

    /** A field's name in both languages, as the problems about it start: {@code student.field.<field>}. */
    private static Label fieldName(String field) {
        return StudentTexts.label("student.field." + field);
    }

    private static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }

    private static String tidyOrNull(String raw) {
        String tidy = VietnameseText.tidy(raw);
        return tidy == null || tidy.isEmpty() ? null : tidy;
    }

    /** The typed value, cut short, for quoting in a message: a cell of megabytes must not become a message of them. */
    private static String shown(String raw) {
        String tidy = VietnameseText.tidy(raw);
        return tidy.length() > 40 ? tidy.substring(0, 40) + "…" : tidy;
    }
}
