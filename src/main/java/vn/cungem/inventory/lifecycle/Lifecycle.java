package vn.cungem.inventory.lifecycle;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.cungem.shared.security.Role;

/**
 * Decides whether a device may move from one state to another for a person in a role, as plain Java with no Spring or
 * database: the moves come from {@link ItemMove}, the one rule that is not about states alone is the wipe (issue 13:
 * "an item can never become ready without a successful wipe after its last owner").
 */
public final class Lifecycle {

    private Lifecycle() {}

    /** The move that takes a device from {@code from} to {@code to}, if there is one. */
    public static Optional<ItemMove> moveBetween(ItemStatus from, ItemStatus to) {
        return Arrays.stream(ItemMove.values())
                .filter(m -> m.to() == to && m.leaves(from))
                .findFirst();
    }

    /**
     * Whether {@code move} may be made now. {@code wipedSinceLastOwner} says whether a successful wipe was recorded
     * after the device last came from someone (the donor, or a student who gave it back).
     */
    public static Verdict decide(ItemStatus current, ItemMove move, Role role, boolean wipedSinceLastOwner) {
        if (!move.leaves(current)) {
            return Verdict.refused("inventory.move-illegal", "inventory.work.move.illegal", move, current);
        }
        if (!move.mayBeMadeBy(role)) {
            return Verdict.refused("inventory.move-role", "inventory.work.move.role", move, current);
        }
        if (move.to() == ItemStatus.READY && !wipedSinceLastOwner) {
            return Verdict.refused("inventory.not-wiped", "inventory.work.move.unwiped", move, current);
        }
        return Verdict.allowed(move);
    }

    /** The same decision asked by the two states, as a scanner or an API client that names the target state does. */
    public static Verdict decide(ItemStatus current, ItemStatus target, Role role, boolean wipedSinceLastOwner) {
        return moveBetween(current, target)
                .map(move -> decide(current, move, role, wipedSinceLastOwner))
                .orElseGet(() ->
                        Verdict.refused("inventory.move-illegal", "inventory.work.move.no-path", target, current));
    }

    /** The moves this role may make from {@code current}, in the lifecycle's order, for the item page's buttons. */
    public static List<ItemMove> movesFor(ItemStatus current, Role role, boolean wipedSinceLastOwner) {
        return Arrays.stream(ItemMove.values())
                .filter(m -> decide(current, m, role, wipedSinceLastOwner).isAllowed())
                .toList();
    }
}
