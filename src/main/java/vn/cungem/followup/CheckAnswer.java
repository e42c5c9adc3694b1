package vn.cungem.followup;

import java.util.ArrayList;
import java.util.List;
import vn.cungem.shared.InvalidValueException;

/**
 * What the school answers at a check: whether the student learns online and which problems there are. Validated here,
 * in plain Java, for the page and the API alike.
 */
public record CheckAnswer(
        Learning learning,
        boolean deviceBroken,
        boolean simExpired,
        boolean noSignal,
        boolean otherProblem,
        String note) {

    public static final int NOTE_MAX = 500;

    public CheckAnswer {
        if (learning == null) {
            throw InvalidValueException.of("followup.learning", "followup.check.error.learning");
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > NOTE_MAX) {
            throw InvalidValueException.of("followup.note", "followup.error.note", NOTE_MAX);
        }
        if (otherProblem && note == null) {
            throw InvalidValueException.of("followup.other-note", "followup.check.error.other-note");
        }
    }

    /** Any problem makes a support case. */
    public boolean hasProblem() {
        return deviceBroken || simExpired || noSignal || otherProblem;
    }

    /** The problems by their bundle keys, in a fixed order, for pages and the case queue. */
    public List<String> problemKeys() {
        return problemKeys(deviceBroken, simExpired, noSignal, otherProblem);
    }

    public static List<String> problemKeys(
            boolean deviceBroken, boolean simExpired, boolean noSignal, boolean otherProblem) {
        List<String> keys = new ArrayList<>();
        if (deviceBroken) {
            keys.add("followup.problem.DEVICE_BROKEN");
        }
        if (simExpired) {
            keys.add("followup.problem.SIM_EXPIRED");
        }
        if (noSignal) {
            keys.add("followup.problem.NO_SIGNAL");
        }
        if (otherProblem) {
            keys.add("followup.problem.OTHER");
        }
        return keys;
    }
}
