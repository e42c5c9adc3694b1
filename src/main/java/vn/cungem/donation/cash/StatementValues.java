package vn.cungem.donation.cash;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cungem.shared.Money;
import vn.cungem.shared.text.VietnameseText;

/** Reads the amounts and dates of a statement's cells as banks print them. */
final class StatementValues {

    private static final long MAX_AMOUNT = 1_000_000_000_000_000L;
    private static final Pattern CURRENCY = Pattern.compile("(?i)(vnd|vnđ|đồng|dong|đ|₫|\\s|\\u00A0)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern DOT_GROUPS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final Pattern COMMA_GROUPS = Pattern.compile("\\d{1,3}(,\\d{3})+");
    private static final Pattern COMMA_THEN_DECIMAL = Pattern.compile("(\\d{1,3}(?:,\\d{3})*|\\d+)\\.(\\d{1,2})");
    private static final Pattern DOT_THEN_DECIMAL = Pattern.compile("(\\d{1,3}(?:\\.\\d{3})*|\\d+),(\\d{1,2})");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("(\\d{5})(\\.\\d+)?");
    private static final DateTimeFormatter[] DATE_FORMATS = {
        DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT)
    };
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private StatementValues() {}

    /**
     * Whole VND from {@code 1.250.000}, {@code 1,250,000}, {@code 1250000}, {@code 1,250,000.00}, {@code 500.000 đ};
     * a sign or brackets around it ({@code +500,000}, {@code -22.000}, {@code (150,000)}) are dropped: the column says
     * the side.
     */
    static Money amount(String text) {
        return Money.vnd(Math.abs(signedVnd(text)));
    }

    /**
     * The amount with its sign: negative when written {@code -22.000}, {@code 22.000-} or {@code (22,000)} (a debit in
     * a single amount column), positive otherwise.
     */
    static Money signed(String text) {
        return Money.vnd(signedVnd(text));
    }

    private static long signedVnd(String text) {
        if (text != null && !text.isEmpty() && text.length() <= 16 && allDigits(text)) {
            return checked(Long.parseLong(text));
        }
        String s =
                CURRENCY.matcher(text == null ? "" : VietnameseText.tidy(text)).replaceAll("");
        if (s.isEmpty() || s.equals("-")) {
            return 0;
        }
        boolean negative = false;
        if (s.length() > 2 && s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1);
        } else if (s.length() > 1 && (s.charAt(0) == '-' || s.charAt(0) == '+' || s.charAt(0) == '\u2212')) {
            negative = s.charAt(0) != '+';
            s = s.substring(1);
        } else if (s.length() > 1 && s.endsWith("-")) {
            negative = true;
            s = s.substring(0, s.length() - 1);
        }
        long value = unsigned(s);
        return negative ? -value : value;
    }

    private static long unsigned(String s) {
        String digits;
        Matcher m;
        if (DIGITS.matcher(s).matches()) {
            digits = s;
        } else if (DOT_GROUPS.matcher(s).matches()) {
            digits = s.replace(".", "");
        } else if (COMMA_GROUPS.matcher(s).matches()) {
            digits = s.replace(",", "");
        } else if ((m = COMMA_THEN_DECIMAL.matcher(s)).matches() || (m = DOT_THEN_DECIMAL.matcher(s)).matches()) {
            // Some banks print two decimals; VND has none, so they must be zero.
            if (Integer.parseInt(m.group(2)) != 0) {
                throw new IllegalArgumentException("fraction of a dong");
            }
            digits = m.group(1).replaceAll("[.,]", "");
        } else {
            throw new IllegalArgumentException("not an amount");
        }
        if (digits.length() > 16) {
            throw new IllegalArgumentException("too large");
        }
        return checked(Long.parseLong(digits));
    }

    private static long checked(long value) {
        if (value > MAX_AMOUNT) {
            throw new IllegalArgumentException("too large");
        }
        return value;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** dd/MM/yyyy, dd-MM-yyyy, ISO, with or without a time after it, or an Excel serial day number; null if none. */
    static LocalDate date(String text) {
        String s = text.strip();
        Matcher serial = EXCEL_SERIAL.matcher(s);
        if (serial.matches()) {
            long days = Long.parseLong(serial.group(1));
            return days < 20_000 || days > 80_000 ? null : EXCEL_EPOCH.plusDays(days);
        }
        // "01/11/2026 08:15:32", and Techcombank's "31/10/2023\n5243.65937" (date, then the transaction number)
        for (int i = 1; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                s = s.substring(0, i);
                break;
            }
        }
        int t = s.indexOf('T');
        if (t > 0) {
            s = s.substring(0, t);
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                LocalDate date = LocalDate.parse(s, format);
                return date.getYear() < 2000 || date.getYear() > 2100 ? null : date;
            } catch (DateTimeException e) {
                // try the next format
            }
        }
        return null;
    }
}
