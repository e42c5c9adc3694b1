package vn.cungem.student.importing.values;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.shared.PhoneRepair;
import vn.cungem.shared.text.Bundles;
import vn.cungem.student.StudentInput;
import vn.cungem.student.importing.values.Interpreted.Warning;

/**
 * Turns what a school typed into what the registry reads, before {@link StudentInput#validate}: the grade from the
 * class name, a phone number Excel changed, names' casing, and the free texts by meaning ({@link FreeTextMeanings}).
 * Every repair of a typed value is a warning naming it; nothing typed is changed silently. Plain Java, shared between threads.
 */
public final class RowInterpreter {

    private final FreeTextMeanings meanings;
    private final ValueWords words;

    public RowInterpreter(List<PriorityCategory> categories, ValueMappings remembered) {
        this.meanings = new FreeTextMeanings(categories, remembered);
        this.words = new ValueWords(categories);
    }

    /** What one free text of {@code field} means, as {@link #interpret} reads it in a row; null when it has none. */
    public FreeText meaning(ValueField field, String raw) {
        return meanings.meaning(field, raw);
    }

    public Interpreted interpret(StudentInput in) {
        List<Warning> warnings = new ArrayList<>(2);
        List<FreeText> texts = new ArrayList<>(4);
        String fullName = name(in.fullName(), warnings);
        String guardianName = name(in.guardianName(), warnings);
        String grade = grade(in.grade(), in.className(), warnings);
        String phone = phone(in.guardianPhone(), warnings);
        String categories = free(ValueField.CATEGORIES, in.categories(), texts, warnings);
        String device = free(ValueField.DEVICE_SITUATION, in.deviceSituation(), texts, warnings);
        String connectivity = free(ValueField.CONNECTIVITY, in.connectivity(), texts, warnings);
        String needs = free(ValueField.NEEDS, in.needs(), texts, warnings);
        StudentInput out = new StudentInput(
                fullName,
                in.birthDate(),
                in.gender(),
                in.personalId(),
                in.moetCode(),
                in.school(),
                grade,
                in.className(),
                in.homeUnit(),
                in.address(),
                guardianName,
                phone,
                categories,
                device,
                connectivity,
                needs,
                in.notes());
        return new Interpreted(out, List.copyOf(warnings), List.copyOf(texts));
    }

    private static String name(String raw, List<Warning> warnings) {
        NameCasing.Result r = NameCasing.repair(raw);
        if (r.changedFromMixed()) {
            warn(warnings, "values.name.casing", shown(raw), r.name());
        }
        return r.name();
    }

    private static String grade(String grade, String className, List<Warning> warnings) {
        if (grade != null && className != null && agrees(grade.strip(), className.strip())) {
            return grade; // "3" and "3A1": the common case, without the patterns
        }
        OptionalInt fromClass = ClassGrade.of(className);
        if (grade == null || grade.isBlank()) {
            // Not a warning: schools state the grade by the class name ("6A6" is grade 6), so a list without a grade
            // column would be all warnings. A class the school's level does not teach is (StudentInput#validate).
            if (fromClass.isPresent()) {
                return String.valueOf(fromClass.getAsInt());
            }
            return grade;
        }
        OptionalInt typed = ClassGrade.of(grade);
        if (fromClass.isPresent() && typed.isPresent() && typed.getAsInt() != fromClass.getAsInt()) {
            warn(warnings, "values.grade.classDisagrees", typed.getAsInt(), shown(className));
        }
        return grade;
    }

    private static boolean agrees(String grade, String className) {
        int n = grade.length();
        if (n == 0 || n > 2 || className.length() <= n || !className.startsWith(grade)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!Character.isDigit(grade.charAt(i))) {
                return false;
            }
        }
        return !Character.isDigit(className.charAt(n));
    }

    private static String phone(String raw, List<Warning> warnings) {
        PhoneRepair.Result r = PhoneRepair.repair(raw);
        if (!r.repaired()) {
            return raw;
        }
        if (r.kinds().contains(PhoneRepair.Kind.SEVERAL)) {
            warn(warnings, "values.phone.several", r.text(), String.join(", ", r.others()));
        }
        if (r.kinds().contains(PhoneRepair.Kind.LEADING_ZERO)) {
            warn(warnings, "values.phone.leadingZero", shown(raw), r.text());
        } else if (r.kinds().contains(PhoneRepair.Kind.EXCEL_NUMBER)) {
            warn(warnings, "values.phone.excelNumber", shown(raw), r.text());
        }
        if (r.kinds().contains(PhoneRepair.Kind.NOTE) && !r.kinds().contains(PhoneRepair.Kind.SEVERAL)) {
            warn(warnings, "values.phone.note", shown(raw), r.text());
        }
        return r.text();
    }

    private String free(ValueField field, String raw, List<FreeText> texts, List<Warning> warnings) {
        FreeText t = meanings.meaning(field, raw);
        if (t == null) {
            return raw;
        }
        texts.add(t);
        if (t.source() == FreeText.Source.UNSURE) {
            String key = "values.unsure." + field.name();
            warnings.add(new Warning(
                    Bundles.vi(key, t.shown(), words.vi(field, t.value())),
                    Bundles.en(key, t.shown(), words.en(field, t.value()))));
        }
        return t.value();
    }

    private static void warn(List<Warning> warnings, String key, Object... args) {
        warnings.add(new Warning(Bundles.vi(key, args), Bundles.en(key, args)));
    }

    private static String shown(String raw) {
        String tidy = vn.cungem.shared.text.VietnameseText.tidy(raw);
        return tidy == null ? "" : tidy.length() > 40 ? tidy.substring(0, 40) + "…" : tidy;
    }
}
