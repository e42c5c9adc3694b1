package vn.cungem.inventory.lifecycle;

import vn.cungem.shared.text.Labelled;

/** The answer to one check. Named as {@code label.CheckResult.<CONSTANT>}. */
public enum CheckResult implements Labelled {
    PASS,
    FAIL,
    NOT_APPLICABLE
}
