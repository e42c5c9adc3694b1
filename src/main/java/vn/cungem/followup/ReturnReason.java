package vn.cungem.followup;

import vn.cungem.shared.text.Labelled;

/** Why a device comes back from a student (issue 14); OTHER needs a note. */
public enum ReturnReason implements Labelled {
    MOVED,
    LEFT_SCHOOL,
    NOT_NEEDED,
    OTHER
}
