package vn.cungem.followup;

import vn.cungem.shared.text.Labelled;

/** Whether the student learns online with the device, as the school sees it at a check. */
public enum Learning implements Labelled {
    YES,
    PARTLY,
    NO
}
