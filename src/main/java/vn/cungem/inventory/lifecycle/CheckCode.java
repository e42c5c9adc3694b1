package vn.cungem.inventory.lifecycle;

import vn.cungem.shared.text.Labelled;

/** One line of the inspection checklist (004's device requirements). Named as {@code label.CheckCode.<CONSTANT>}. */
public enum CheckCode implements Labelled {
    SCREEN,
    CPU,
    KEYBOARD,
    POINTER,
    MICROPHONE,
    CAMERA,
    CHARGER_CABLES,
    INTERNET,
    BATTERY
}
