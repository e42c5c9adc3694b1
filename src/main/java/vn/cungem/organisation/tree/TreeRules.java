package vn.cungem.organisation.tree;

import java.util.Set;
import java.util.regex.Pattern;
import vn.cungem.organisation.Level;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.Bundles;

/** The rules of the administrative tree, in plain Java so they can be tested without a database. */
public final class TreeRules {

    /** GSO codes are digits: 2 for a province, 3 for a district, 5 for a commune; we accept 1–12 digits. */
    private static final Pattern UNIT_CODE = Pattern.compile("\\d{1,12}");

    private static final Pattern LEVEL_CODE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private TreeRules() {}

    public static String requireUnitCode(String raw) {
        String code = raw == null ? "" : raw.strip();
        if (code.isEmpty()) {
            throw InvalidValueException.of("unit.code.missing", "org.error.unit-code-missing");
        }
        if (!UNIT_CODE.matcher(code).matches()) {
            throw InvalidValueException.of("unit.code.shape", "org.error.unit-code-shape", code);
        }
        return code;
    }

    public static String requireLevelCode(String raw) {
        String code = raw == null ? "" : raw.strip();
        if (!LEVEL_CODE.matcher(code).matches()) {
            throw InvalidValueException.of("level.code.shape", "org.error.level-code-shape");
        }
        return code;
    }

    public static String requireName(String raw, int maxLength) {
        String name = vn.cungem.shared.text.VietnameseText.tidy(raw);
        if (name == null || name.isEmpty()) {
            throw InvalidValueException.of("name.missing", "org.error.name-missing");
        }
        if (name.length() > maxLength) {
            throw InvalidValueException.of("name.too-long", "org.error.name-too-long", maxLength);
        }
        return name;
    }

    /**
     * A child's level must rank strictly below its parent's. Skipping a level is allowed: since Vietnam's 2025 reform a
     * commune sits directly under its province.
     */
    public static void requireRanksBelow(Level child, Level parent) {
        if (parent != null && child.rank() <= parent.rank()) {
            String key = "org.error.unit-level-rank";
            throw new InvalidValueException(
                    "unit.level.rank",
                    Bundles.vi(key, child.nameVi(), parent.nameVi()),
                    Bundles.en(key, child.nameEn(), parent.nameEn()));
        }
    }

    /**
     * Whether a unit may move under a new parent: never under itself or one of its own descendants (that would cut
     * the subtree off the tree), never under a parent of equal or lower rank, never under a retired parent.
     *
     * @param subtree the ids of the unit and all its descendants
     */
    public static void requireMoveAllowed(
            long unitId,
            Level unitLevel,
            long newParentId,
            Level newParentLevel,
            boolean newParentActive,
            Set<Long> subtree) {
        if (newParentId == unitId || subtree.contains(newParentId)) {
            throw InvalidValueException.of("unit.move.cycle", "org.error.unit-move-cycle");
        }
        if (!newParentActive) {
            throw InvalidValueException.of("unit.parent.retired", "org.error.new-parent-retired");
        }
        requireRanksBelow(unitLevel, newParentLevel);
    }
}
