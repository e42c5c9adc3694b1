package vn.cungem.volunteer.work;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import vn.cungem.shared.InvalidValueException;

/** The rules for hours as a volunteer types them (2, 1.5 or 1 comma 5): at most a day, on a day that has happened. */
public final class HoursInput {

    private HoursInput() {}

    /** Whole minutes from hours as typed; refuses nothing, zero, more than 24 hours, or text. */
    public static int minutes(String hours) {
        if (hours == null || hours.isBlank()) {
            throw InvalidValueException.of("volunteer.hours", "volunteer.hours.error.missing");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(hours.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw InvalidValueException.of("volunteer.hours", "volunteer.hours.error.number");
        }
        int minutes = value.multiply(BigDecimal.valueOf(60))
                .setScale(0, RoundingMode.HALF_UP)
                .min(BigDecimal.valueOf(100_000))
                .max(BigDecimal.valueOf(-1))
                .intValue();
        if (minutes <= 0 || minutes > 24 * 60) {
            throw InvalidValueException.of("volunteer.hours", "volunteer.hours.error.range");
        }
        return minutes;
    }

    /** The day worked: today when left empty; never in the future (by Vietnam's calendar) nor before 2000. */
    public static LocalDate day(LocalDate workedOn, LocalDate today) {
        LocalDate day = workedOn == null ? today : workedOn;
        if (day.isAfter(today) || day.getYear() < 2000) {
            throw InvalidValueException.of("volunteer.day", "volunteer.hours.error.day");
        }
        return day;
    }

    /** Minutes as hours with at most one decimal and a point, as certificates and pages print them (12.5). */
    public static String hoursText(long minutes) {
        BigDecimal h = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
        return h.stripTrailingZeros().toPlainString();
    }
}
