package vn.cungem.followup.work;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.cungem.followup.CheckAnswer;
import vn.cungem.followup.Learning;

/**
 * One follow-up check of one device with one student: when it is due and, once recorded, what the school answered.
 * {@code followUpId} names the device's follow-up (all its checks and its return).
 */
public record CheckView(
        long id,
        long followUpId,
        int afterDays,
        LocalDate dueOn,
        String status,
        Learning learning,
        boolean deviceBroken,
        boolean simExpired,
        boolean noSignal,
        boolean otherProblem,
        String note,
        OffsetDateTime recordedAt,
        String recordedBy,
        long campaignId,
        long studentId,
        long schoolId,
        long unitId,
        long itemId,
        String tag,
        LocalDate handedOn,
        boolean returned) {

    public static final String DUE = "DUE";
    public static final String DONE = "DONE";
    public static final String CANCELLED = "CANCELLED";

    /** Not recorded and its date has passed. */
    public boolean overdueOn(LocalDate today) {
        return DUE.equals(status) && dueOn.isBefore(today);
    }

    public boolean isDone() {
        return DONE.equals(status);
    }

    public List<String> problemKeys() {
        return CheckAnswer.problemKeys(deviceBroken, simExpired, noSignal, otherProblem);
    }
}
