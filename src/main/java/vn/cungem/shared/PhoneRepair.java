package vn.cungem.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a spreadsheet did to a phone number, undone before {@link PhoneNumber#parse} reads it: Excel stores a typed
 * {@code 0912345678} as the number 912345678 (the leading zero dropped), sometimes shown as {@code 9.12345678E8} or
 * {@code 912345678.0}; schools write two numbers in one cell ({@code "0912345678 - 0987654321"}) or a note beside one
 * ({@code "0912.345.678 (bố)"}). Each repair is named, so the importer can warn with it instead of changing a number
 * silently. Formats that {@link PhoneNumber} already reads ({@code +84 912 345 678}, {@code 84912345678}) are left
 * alone and need no warning.
 */
public final class PhoneRepair {

    /** What was changed. */
    public enum Kind {
        /** A 9-digit mobile (or 10-digit landline) without its leading zero, as Excel keeps a number. */
        LEADING_ZERO,
        /** The number was shown in scientific notation or with a decimal point ({@code 9.12345678E8}). */
        EXCEL_NUMBER,
        /** Several numbers in one cell: the first is kept. */
        SEVERAL,
        /** Words beside the number ({@code (bố)}, {@code mẹ:}) were left out. */
        NOTE
    }

    /** The text to parse and what was done to get it; {@code kinds} is empty when nothing was changed. */
    public record Result(String text, Set<Kind> kinds, List<String> others) {
        public boolean repaired() {
            return !kinds.isEmpty();
        }
    }

    private static final Pattern SCIENTIFIC = Pattern.compile("\\d(?:\\.\\d+)?[eE]\\+?\\d{1,2}");
    private static final Pattern DECIMAL_ZERO = Pattern.compile("\\d{8,12}\\.0+");
    /** Between two numbers: a list separator, a dash with spaces, or the word "hoặc". */
    private static final Pattern BETWEEN = Pattern.compile(
            "\\s*(?:[;,/\\n|]|\\s[-–—]\\s|\\s+(?:hoặc|hoac|or|và|va)\\s+)\\s*", Pattern.CASE_INSENSITIVE);

    private static final Pattern NOT_PHONE = Pattern.compile("[^0-9+\\s.\\-()]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

    private PhoneRepair() {}

    public static Result repair(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Result(raw, Set.of(), List.of());
        }
        if (plain(raw)) {
            return new Result(raw, Set.of(), List.of());
        }
        EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
        String text = raw.strip();
        if (SCIENTIFIC.matcher(text).matches() || DECIMAL_ZERO.matcher(text).matches()) {
            try {
                text = new BigDecimal(text).toBigIntegerExact().toString();
                kinds.add(Kind.EXCEL_NUMBER);
            } catch (ArithmeticException | NumberFormatException e) {
                // not a whole number: left for PhoneNumber to refuse with its own words
            }
        }
        List<String> numbers = new ArrayList<>();
        for (String part : BETWEEN.split(text)) {
            String number = withoutNote(part, kinds);
            if (digits(number).length() >= 9) {
                numbers.add(number);
            }
        }
        if (numbers.isEmpty()) {
            String number = withoutNote(text, kinds);
            numbers.add(number);
        }
        // "0912345678 0987654321": two numbers joined by a single space or dash, 20 digits in all
        if (numbers.size() == 1) {
            String d = digits(numbers.get(0));
            if (d.length() == 20 && d.charAt(0) == '0' && d.charAt(10) == '0') {
                numbers = List.of(d.substring(0, 10), d.substring(10));
            }
        }
        if (numbers.size() > 1) {
            kinds.add(Kind.SEVERAL);
        }
        String first = numbers.get(0);
        String d = digits(first);
        boolean onlyDigitsAndMarks =
                !NOT_PHONE.matcher(first).find() && !first.strip().startsWith("+");
        if (onlyDigitsAndMarks && d.length() == 9 && "35789".indexOf(d.charAt(0)) >= 0) {
            first = "0" + d;
            kinds.add(Kind.LEADING_ZERO);
        } else if (onlyDigitsAndMarks && d.length() == 10 && d.charAt(0) == '2') {
            first = "0" + d;
            kinds.add(Kind.LEADING_ZERO);
        }
        List<String> others = numbers.subList(1, numbers.size()).stream()
                .map(PhoneRepair::digits)
                .toList();
        return new Result(kinds.isEmpty() ? raw : first.strip(), Set.copyOf(kinds), others);
    }

    /**
     * A number as {@link PhoneNumber} reads it, nothing to repair: 10 or 11 digits from a leading 0 (or +84), with only
     * spaces, dots and dashes between. Most cells are such; they skip the patterns below.
     */
    private static boolean plain(String raw) {
        int digits = 0;
        boolean first = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (first && c != '0') {
                    return false;
                }
                first = false;
                digits++;
            } else if (c == '+' && first) {
                return false; // +84: PhoneNumber reads it; the general path says so without a repair
            } else if (c != ' ' && c != '.' && c != '-') {
                return false;
            }
        }
        return digits == 10 || digits == 11;
    }

    /** The number without words around it: "0912.345.678 (bố)", "Mẹ: 0912345678", "ĐT bố 0912345678". */
    private static String withoutNote(String part, Set<Kind> kinds) {
        String kept = part.replaceAll("\\([^)]*\\p{L}[^)]*\\)", " ");
        kept = kept.replaceAll("[^0-9+\\s.\\-()]", " ").strip();
        kept = kept.replaceAll("^[\\-.()\\s]+|[\\-.()\\s]+$", "");
        if (!kept.equals(part.strip()) && !digits(kept).isEmpty()) {
            kinds.add(Kind.NOTE);
        }
        return kept.isEmpty() ? part.strip() : kept;
    }

    private static String digits(String s) {
        return SEPARATORS.matcher(s).replaceAll("").replace("+", "");
    }
}
