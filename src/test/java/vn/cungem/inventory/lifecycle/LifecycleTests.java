package vn.cungem.inventory.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.security.Role;

class LifecycleTests {

    /**
     * The lifecycle of issue 13 written out by hand, independently of {@link ItemMove}: a row per current state, a
     * column per target state in the enum's order; W = the workshop (volunteer, manager, administrator), M = managers
     * and administrators, S = the school's officer with managers and administrators, . = no such move.
     */
    private static final String[] MATRIX = {
        //              RCV INS NRP IRP WIP SWI RDY RSV HND RET RCY LST
        /* RECEIVED */ ".   W   .   .   .   .   .   .   .   .   .   M",
        /* IN_INSP. */ ".   .   W   .   W   .   .   .   .   .   W   M",
        /* NEEDS_R. */ ".   .   .   W   .   .   .   .   .   .   W   M",
        /* IN_REP.  */ ".   W   W   .   W   .   .   .   .   .   W   M",
        /* WIPED    */ ".   .   .   .   .   W   .   .   .   .   .   M",
        /* SOFTWARE */ ".   .   .   .   .   .   W   .   .   .   .   M",
        /* READY    */ ".   .   .   .   .   .   .   M   .   .   .   M",
        /* RESERVED */ ".   .   .   .   .   .   M   .   H   .   .   M",
        /* HANDED   */ ".   .   .   .   .   .   .   .   .   S   .   M",
        /* RETURNED */ ".   W   .   .   .   .   .   .   .   .   W   M",
        /* RECYCLED */ ".   .   .   .   .   .   .   .   .   .   .   .",
        /* LOST     */ ".   .   .   .   .   .   .   .   .   .   .   .",
    };

    private static final Map<Character, Set<Role>> WHO = Map.of(
            'W',
            EnumSet.of(Role.VOLUNTEER_TECHNICIAN, Role.PROGRAMME_MANAGER, Role.SYSTEM_ADMIN),
            'M',
            EnumSet.of(Role.PROGRAMME_MANAGER, Role.SYSTEM_ADMIN),
            'S',
            EnumSet.of(Role.SCHOOL_OFFICER, Role.PROGRAMME_MANAGER, Role.SYSTEM_ADMIN),
            'H',
            EnumSet.of(Role.SCHOOL_OFFICER, Role.VOLUNTEER_TECHNICIAN, Role.PROGRAMME_MANAGER, Role.SYSTEM_ADMIN),
            '.',
            EnumSet.noneOf(Role.class));

    private static char cell(ItemStatus from, ItemStatus to) {
        return MATRIX[from.ordinal()].replace(" ", "").charAt(to.ordinal());
    }

    @Test
    void everyPairAndEveryRoleIsDecidedAsTheMatrixSays() {
        int legal = 0;
        int checked = 0;
        for (ItemStatus from : ItemStatus.values()) {
            for (ItemStatus to : ItemStatus.values()) {
                Set<Role> allowed = WHO.get(cell(from, to));
                assertThat(Lifecycle.moveBetween(from, to).isPresent())
                        .as("%s -> %s has a move", from, to)
                        .isEqualTo(cell(from, to) != '.');
                for (Role role : Role.values()) {
                    Verdict verdict = Lifecycle.decide(from, to, role, true);
                    checked++;
                    assertThat(verdict.isAllowed())
                            .as("%s -> %s as %s", from, to, role)
                            .isEqualTo(allowed.contains(role));
                    if (verdict.isAllowed()) {
                        legal++;
                        assertThat(verdict.move().to()).isEqualTo(to);
                    } else {
                        assertThat(verdict.code())
                                .isEqualTo(cell(from, to) == '.' ? "inventory.move-illegal" : "inventory.move-role");
                        assertThat(verdict.messageVi()).contains("«" + from.nameVi() + "»");
                        assertThat(verdict.messageEn()).contains("\"" + from.nameEn() + "\"");
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(12 * 12 * Role.values().length);
        assertThat(legal).isPositive();
    }

    @Test
    void noRoleWithoutAStaffJobMovesAnything() {
        for (ItemStatus from : ItemStatus.values()) {
            assertThat(Lifecycle.movesFor(from, Role.DONOR, true)).isEmpty();
            assertThat(Lifecycle.movesFor(from, Role.PARTNER_USER, true)).isEmpty();
            assertThat(Lifecycle.movesFor(from, null, true)).isEmpty();
        }
    }

    @Test
    void neverReadyWithoutASuccessfulWipeSinceTheLastOwner() {
        for (ItemStatus from : ItemStatus.values()) {
            for (Role role : Role.values()) {
                Verdict verdict = Lifecycle.decide(from, ItemStatus.READY, role, false);
                assertThat(verdict.isAllowed()).as("%s as %s", from, role).isFalse();
                if (WHO.get(cell(from, ItemStatus.READY)).contains(role)) {
                    assertThat(verdict.code()).isEqualTo("inventory.not-wiped");
                }
            }
        }
        assertThat(Lifecycle.movesFor(ItemStatus.SOFTWARE_INSTALLED, Role.VOLUNTEER_TECHNICIAN, false))
                .doesNotContain(ItemMove.MARK_READY);
    }

    @Test
    void refusalNamesTheMoveAndTheCurrentStateInBothLanguages() {
        Verdict verdict = Lifecycle.decide(ItemStatus.RECEIVED, ItemMove.MARK_READY, Role.VOLUNTEER_TECHNICIAN, true);
        assertThat(verdict.messageVi())
                .isEqualTo("Không thể «Đánh dấu sẵn sàng trao» khi thiết bị đang ở trạng thái «Đã nhận».");
        assertThat(verdict.messageEn()).isEqualTo("Cannot \"Mark ready\" while the device is \"Received\".");
        assertThatThrownBy(verdict::orThrow)
                .isInstanceOf(ConflictException.class)
                .hasMessage("Cannot \"Mark ready\" while the device is \"Received\".");
    }

    @Test
    void theItemPageOffersAVolunteerOnlyWorkshopMoves() {
        assertThat(Lifecycle.movesFor(ItemStatus.IN_INSPECTION, Role.VOLUNTEER_TECHNICIAN, true))
                .containsExactly(ItemMove.NEEDS_REPAIR, ItemMove.WIPE, ItemMove.RECYCLE);
        assertThat(Lifecycle.movesFor(ItemStatus.READY, Role.VOLUNTEER_TECHNICIAN, true))
                .isEmpty();
        assertThat(Lifecycle.movesFor(ItemStatus.READY, Role.PROGRAMME_MANAGER, true))
                .containsExactly(ItemMove.RESERVE, ItemMove.REPORT_LOST);
    }
}
