package vn.cungem.followup;

import java.util.List;
import java.util.TreeSet;
import vn.cungem.shared.InvalidValueException;

/**
 * After how many days from handover a school checks a device, for one campaign. 002 asks for learning to be followed
 * up after handover and gives no dates; two weeks (the device works, the student is online) and two months (still in
 * use) are the defaults until the campaign sets its own.
 */
public record CheckSchedule(List<Integer> afterDays) {

    public static final CheckSchedule DEFAULT = new CheckSchedule(List.of(14, 60));
    public static final int MAX_CHECKS = 6;
    public static final int MAX_DAYS = 730;

    public CheckSchedule {
        if (afterDays == null || afterDays.isEmpty()) {
            throw InvalidValueException.of("followup.schedule-empty", "followup.schedule.error.empty");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer d : afterDays) {
            if (d == null || d < 1 || d > MAX_DAYS) {
                throw InvalidValueException.of("followup.schedule-days", "followup.schedule.error.days", MAX_DAYS);
            }
            sorted.add(d);
        }
        if (sorted.size() > MAX_CHECKS) {
            throw InvalidValueException.of("followup.schedule-many", "followup.schedule.error.many", MAX_CHECKS);
        }
        afterDays = List.copyOf(sorted);
    }

    /** Reads what a manager types: whole numbers of days separated by commas, spaces or semicolons (14, 60). */
    public static CheckSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidValueException.of("followup.schedule-empty", "followup.schedule.error.empty");
        }
        List<Integer> days = new java.util.ArrayList<>();
        for (String part : text.trim().split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!part.chars().allMatch(Character::isDigit) || part.length() > 4) {
                throw InvalidValueException.of("followup.schedule-number", "followup.schedule.error.number", part);
            }
            days.add(Integer.parseInt(part));
        }
        return new CheckSchedule(days);
    }

    /** The days as a manager types them: 14, 60. */
    public String text() {
        return String.join(", ", afterDays.stream().map(String::valueOf).toList());
    }
}
