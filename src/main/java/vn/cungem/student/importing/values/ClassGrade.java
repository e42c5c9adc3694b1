package vn.cungem.student.importing.values;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cungem.shared.text.VietnameseText;

/**
 * The grade a class name carries, as Vietnamese schools name classes: the grade first, then the class within it
 * ({@code 6A6}, {@code 9/3}, {@code 10A1}, {@code 12 Toán} for a specialised class, {@code Lớp 7A}, {@code L6A}).
 */
public final class ClassGrade {

    private static final Pattern LEADING = Pattern.compile("(?:lop|khoi|l|k)?\\s*(\\d{1,2})(?:\\D.*)?");

    private ClassGrade() {}

    public static OptionalInt of(String className) {
        if (className == null || className.isBlank()) {
            return OptionalInt.empty();
        }
        Matcher m = LEADING.matcher(VietnameseText.fold(className).strip());
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        int grade = Integer.parseInt(m.group(1));
        return grade >= 1 && grade <= 12 ? OptionalInt.of(grade) : OptionalInt.empty();
    }
}
