package vn.cungem.inventory.work;

import java.time.OffsetDateTime;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.shared.security.Caller;

/**
 * One piece of work on an item (a move, an inspection, a wipe, a repair, a software install): {@link ItemWork} loads
 * the item, asks the step which move it makes, moves the item if its version still holds and writes the history, then
 * lets the step write its own rows in the same transaction.
 */
public interface Step {

    /** The history's name for the step: MOVE, INSPECTION, WIPE, REPAIR, SOFTWARE. */
    String kind();

    /** Checks the step's input against the item and says which move it makes; null when the item stays where it is. */
    ItemMove plan(WorkItem item, Caller caller, boolean wipedSinceOwner);

    /** Where the step means to take the item, when that is known before it is planned (a refused line says it). */
    default ItemStatus aim() {
        return null;
    }

    /** A short note for the history line (the step's gist), or null. */
    String note();

    /** Writes the step's own rows after the item moved; {@code historyId} is the step's history line. */
    default void record(WorkItem item, long historyId, Caller caller, OffsetDateTime at) {}
}
