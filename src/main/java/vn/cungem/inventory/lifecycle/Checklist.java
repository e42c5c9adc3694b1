package vn.cungem.inventory.lifecycle;

import static vn.cungem.inventory.lifecycle.CheckCode.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cungem.campaign.ItemType;

/**
 * The inspection checklist per kind of device (issue 13 after 004: a desktop's screen, CPU, keyboard, mouse,
 * microphone and camera, its charger and cables, that it connects to the internet; a battery that holds its charge for
 * laptops, tablets and phones), and what an inspection's answers mean for the device.
 */
public final class Checklist {

    private Checklist() {}

    public enum Outcome {
        PASSED,
        FAILED,
        BEYOND_REPAIR
    }

    /** One answer; a failed check says what is wrong. */
    public record Answer(CheckCode code, CheckResult result, String note) {}

    public static Set<CheckCode> checksFor(ItemType type) {
        return switch (type) {
            case DESKTOP_SET ->
                EnumSet.of(SCREEN, CPU, KEYBOARD, POINTER, MICROPHONE, CAMERA, CHARGER_CABLES, INTERNET);
            case LAPTOP ->
                EnumSet.of(SCREEN, CPU, KEYBOARD, POINTER, MICROPHONE, CAMERA, CHARGER_CABLES, INTERNET, BATTERY);
            case TABLET, SMARTPHONE -> EnumSet.of(SCREEN, CPU, MICROPHONE, CAMERA, CHARGER_CABLES, INTERNET, BATTERY);
            case WIFI_DEVICE -> EnumSet.of(CHARGER_CABLES, INTERNET);
            default -> EnumSet.of(INTERNET);
        };
    }

    /**
     * What the answers mean: every check of the device's kind answered once, nothing else; a failure sends the device
     * to repair, or to recycling when the inspector judges it beyond repair (which needs a failure to stand on).
     */
    public static Outcome evaluate(ItemType type, List<Answer> answers, boolean beyondRepair) {
        Set<CheckCode> expected = checksFor(type);
        Map<CheckCode, Answer> byCode = new EnumMap<>(CheckCode.class);
        for (Answer a : answers == null ? List.<Answer>of() : answers) {
            if (a == null || a.code() == null || a.result() == null) {
                throw Worded.invalid("inventory.check-incomplete", "inventory.work.check.incomplete");
            }
            if (!expected.contains(a.code())) {
                throw Worded.invalid("inventory.check-unknown", "inventory.work.check.unknown", a.code(), type);
            }
            if (byCode.put(a.code(), a) != null) {
                throw Worded.invalid("inventory.check-twice", "inventory.work.check.twice", a.code());
            }
            if (a.result() == CheckResult.FAIL && (a.note() == null || a.note().isBlank())) {
                throw Worded.invalid("inventory.check-fail-note", "inventory.work.check.fail-note", a.code());
            }
        }
        for (CheckCode code : expected) {
            if (!byCode.containsKey(code)) {
                throw Worded.invalid("inventory.check-missing", "inventory.work.check.missing", code);
            }
        }
        boolean failed = byCode.values().stream().anyMatch(a -> a.result() == CheckResult.FAIL);
        if (beyondRepair && !failed) {
            throw Worded.invalid("inventory.check-beyond-repair", "inventory.work.check.beyond-repair");
        }
        return beyondRepair ? Outcome.BEYOND_REPAIR : failed ? Outcome.FAILED : Outcome.PASSED;
    }

    /** The move an inspection makes: none when every check passed (the device waits for its wipe). */
    public static ItemMove moveAfter(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> null;
            case FAILED -> ItemMove.NEEDS_REPAIR;
            case BEYOND_REPAIR -> ItemMove.RECYCLE;
        };
    }
}
