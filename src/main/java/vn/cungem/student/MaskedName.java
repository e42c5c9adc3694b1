package vn.cungem.student;

import vn.cungem.shared.text.VietnameseText;

/**
 * A child's name as people outside the child's school and the units above it may see it: the family name whole, every
 * other part reduced to its initial ({@code Nguyễn Văn An} → {@code Nguyễn V. A.}), the way lists are published.
 */
public final class MaskedName {

    private MaskedName() {}

    public static String of(String fullName) {
        String tidy = VietnameseText.tidy(fullName);
        if (tidy == null || tidy.isEmpty()) {
            return "";
        }
        String[] parts = tidy.split(" ");
        if (parts.length == 1) {
            return initial(parts[0]);
        }
        StringBuilder masked = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            masked.append(' ').append(initial(parts[i]));
        }
        return masked.toString();
    }

    private static String initial(String part) {
        return part.substring(0, part.offsetByCodePoints(0, 1)).toUpperCase(VietnameseText.VIETNAMESE) + ".";
    }
}
