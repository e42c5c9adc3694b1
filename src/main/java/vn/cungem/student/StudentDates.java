package vn.cungem.student;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as schools write them: {@code 05/09/2012}, {@code 5/9/12}, {@code 2012-09-05}, or an Excel serial number
 * ({@code 41157}) when a spreadsheet cell is typed as a date. Day first, always: Vietnamese files never put the month
 * first.
 */
public final class StudentDates {

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2}|\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern SERIAL = Pattern.compile("(\\d{5})(?:\\.0+)?");
    /** Excel's day 0 for serials after its fictitious 29 February 1900. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private StudentDates() {}

    /**
     * Empty when the text is not a date. Two-digit years are read as this century unless that would be after
     * {@code today} (a birth date cannot be in the future), then as the last one.
     */
    public static Optional<LocalDate> parse(String raw, LocalDate today) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip();
        try {
            Matcher m = DAY_MONTH_YEAR.matcher(text);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(3));
                if (m.group(3).length() == 2) {
                    year = 2000 + year > today.getYear() ? 1900 + year : 2000 + year;
                }
                return Optional.of(LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
            m = ISO.matcher(text);
            if (m.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
            m = SERIAL.matcher(text);
            if (m.matches()) {
                int serial = Integer.parseInt(m.group(1));
                // below 61 Excel's 1900 leap-year bug shifts days; no student is born before March 1900
                return serial >= 61 ? Optional.of(EXCEL_EPOCH.plusDays(serial)) : Optional.empty();
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The Excel serial of a date, for writing a date back into a spreadsheet cell. */
    public static long excelSerial(LocalDate date) {
        return java.time.temporal.ChronoUnit.DAYS.between(EXCEL_EPOCH, date);
    }
}
