package vn.cungem.inventory.scan;

import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.shared.text.Labelled;

/**
 * What scan mode does to each tag scanned: the volunteer chooses once, then scans tag after tag (issue 13). Named as
 * {@code label.ScanAction.<CONSTANT>}.
 */
public enum ScanAction implements Labelled {
    /** Only look: the device's state and what it is. */
    SHOW(null),
    START_INSPECTION(ItemMove.START_INSPECTION),
    START_REPAIR(ItemMove.START_REPAIR),
    /** A successful wipe by the method chosen with the action. */
    WIPE(ItemMove.WIPE),
    /** The software profile chosen with the action, installed on each wiped device scanned. */
    INSTALL_SOFTWARE(ItemMove.INSTALL_SOFTWARE),
    MARK_READY(ItemMove.MARK_READY);

    private final ItemMove move;

    ScanAction(ItemMove move) {
        this.move = move;
    }

    /** The lifecycle move the action makes; null for {@link #SHOW}. */
    public ItemMove move() {
        return move;
    }
}
