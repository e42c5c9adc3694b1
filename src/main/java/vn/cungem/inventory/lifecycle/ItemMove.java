package vn.cungem.inventory.lifecycle;

import static vn.cungem.inventory.lifecycle.ItemStatus.*;

import java.util.EnumSet;
import java.util.Set;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.Labelled;

/**
 * Every move a device can make, the states it leaves from, the state it reaches and who may make it: the one table of
 * the lifecycle. No two moves share a (from, to) pair, so a pair names its move. Named in the bundles as
 * {@code label.ItemMove.<CONSTANT>}.
 */
public enum ItemMove implements Labelled {
    /** A returned device is checked again, and a repaired one may be, before it is wiped. */
    START_INSPECTION(IN_INSPECTION, EnumSet.of(RECEIVED, RETURNED, IN_REPAIR), Who.WORKSHOP),
    /** A failed check, or a repair waiting for a part. */
    NEEDS_REPAIR(ItemStatus.NEEDS_REPAIR, EnumSet.of(IN_INSPECTION, IN_REPAIR), Who.WORKSHOP),
    START_REPAIR(IN_REPAIR, EnumSet.of(ItemStatus.NEEDS_REPAIR), Who.WORKSHOP),
    /** Made only by recording a successful wipe. */
    WIPE(WIPED, EnumSet.of(IN_INSPECTION, IN_REPAIR), Who.WORKSHOP),
    /** Made only by recording the software profile installed. */
    INSTALL_SOFTWARE(SOFTWARE_INSTALLED, EnumSet.of(WIPED), Who.WORKSHOP),
    MARK_READY(READY, EnumSet.of(SOFTWARE_INSTALLED), Who.WORKSHOP),
    /** Allocation (the next issue) reserves a ready device for a student; a manager may release it again. */
    RESERVE(RESERVED, EnumSet.of(READY), Who.MANAGERS),
    RELEASE(READY, EnumSet.of(RESERVED), Who.MANAGERS),
    /** At the school: its officer hands the device over and takes it back when the student returns it. */
    HAND_OVER(HANDED_OVER, EnumSet.of(RESERVED), Who.HANDOVER),
    TAKE_BACK(RETURNED, EnumSet.of(HANDED_OVER), Who.SCHOOL),
    /** Beyond repair (001: only "partly broken devices repaired at low cost" are worth it). */
    RECYCLE(RECYCLED, EnumSet.of(IN_INSPECTION, ItemStatus.NEEDS_REPAIR, IN_REPAIR, RETURNED), Who.WORKSHOP),
    /** A loss is a manager's finding, from any state but the final ones. */
    REPORT_LOST(LOST, EnumSet.complementOf(EnumSet.of(RECYCLED, LOST)), Who.MANAGERS);

    private final ItemStatus to;
    private final Set<ItemStatus> from;
    private final Set<Role> roles;

    ItemMove(ItemStatus to, Set<ItemStatus> from, Set<Role> roles) {
        this.to = to;
        this.from = from;
        this.roles = roles;
    }

    public ItemStatus to() {
        return to;
    }

    public boolean leaves(ItemStatus status) {
        return from.contains(status);
    }

    public boolean mayBeMadeBy(Role role) {
        return role != null && roles.contains(role);
    }

    /**
     * The step of the device's public journey (the tracking page's words, {@code track.status.*}) this move makes, or
     * null when the public is not told (a device waiting for a part, a loss under investigation).
     */
    public String publicStep() {
        return switch (this) {
            case WIPE -> "WIPED";
            case MARK_READY -> "PREPARED";
            case RESERVE -> "ALLOCATED";
            case HAND_OVER -> "HANDED_OVER";
            case TAKE_BACK -> "RETURNED";
            case RECYCLE -> "SCRAPPED";
            default -> null;
        };
    }

    /**
     * Whether a person chooses this move directly, rather than by recording the step (a wipe, a software install) or
     * through allocation and handover, which name the student ({@code inventory.Reservations}).
     */
    public boolean isDirect() {
        return this != WIPE && this != INSTALL_SOFTWARE && this != RESERVE && this != HAND_OVER;
    }

    /** Who works where: the workshop's volunteers, the programme's managers, the school's officer. */
    private static final class Who {
        static final Set<Role> WORKSHOP =
                EnumSet.of(Role.VOLUNTEER_TECHNICIAN, Role.PROGRAMME_MANAGER, Role.SYSTEM_ADMIN);
        static final Set<Role> MANAGERS = EnumSet.of(Role.PROGRAMME_MANAGER, Role.SYSTEM_ADMIN);
        static final Set<Role> SCHOOL = EnumSet.of(Role.SCHOOL_OFFICER, Role.PROGRAMME_MANAGER, Role.SYSTEM_ADMIN);
        /** Issue 14: the volunteers who carry devices to schools and homes hand them over too. */
        static final Set<Role> HANDOVER =
                EnumSet.of(Role.SCHOOL_OFFICER, Role.VOLUNTEER_TECHNICIAN, Role.PROGRAMME_MANAGER, Role.SYSTEM_ADMIN);
    }
}
