package vn.cungem.organisation.tree;

import java.util.Set;
import java.util.regex.Pattern;
import vn.cungem.organisation.Level;
import vn.cungem.shared.InvalidValueException;

/** The rules of the administrative tree, in plain Java so they can be tested without a database. */
public final class TreeRules {

    /** GSO codes are digits: 2 for a province, 3 for a district, 5 for a commune; we accept 1–12 digits. */
    private static final Pattern UNIT_CODE = Pattern.compile("\\d{1,12}");

    private static final Pattern LEVEL_CODE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private TreeRules() {}

    public static String requireUnitCode(String raw) {
        String code = raw == null ? "" : raw.strip();
        if (code.isEmpty()) {
            throw new InvalidValueException("unit.code.missing", "Thiếu mã đơn vị.", "The unit code is missing.");
        }
        if (!UNIT_CODE.matcher(code).matches()) {
            throw new InvalidValueException(
                    "unit.code.shape",
                    "Mã đơn vị \"" + code + "\" không đúng dạng: chỉ gồm chữ số (tối đa 12).",
                    "Unit code \"" + code + "\" has the wrong shape: digits only (at most 12).");
        }
        return code;
    }

    public static String requireLevelCode(String raw) {
        String code = raw == null ? "" : raw.strip();
        if (!LEVEL_CODE.matcher(code).matches()) {
            throw new InvalidValueException(
                    "level.code.shape",
                    "Mã cấp phải bắt đầu bằng chữ thường, chỉ gồm chữ thường không dấu, số và dấu gạch dưới.",
                    "A level code starts with a lower-case letter and holds only a–z, digits and underscores.");
        }
        return code;
    }

    public static String requireName(String raw, int maxLength) {
        String name = vn.cungem.shared.text.VietnameseText.tidy(raw);
        if (name == null || name.isEmpty()) {
            throw new InvalidValueException("name.missing", "Chưa nhập tên.", "The name is missing.");
        }
        if (name.length() > maxLength) {
            throw new InvalidValueException(
                    "name.too-long",
                    "Tên dài quá " + maxLength + " ký tự.",
                    "The name is longer than " + maxLength + " characters.");
        }
        return name;
    }

    /**
     * A child's level must rank strictly below its parent's. Skipping a level is allowed: since Vietnam's 2025 reform a
     * commune sits directly under its province.
     */
    public static void requireRanksBelow(Level child, Level parent) {
        if (parent != null && child.rank() <= parent.rank()) {
            throw new InvalidValueException(
                    "unit.level.rank",
                    "Cấp \"" + child.nameVi() + "\" không thể nằm dưới cấp \"" + parent.nameVi()
                            + "\": cấp của đơn vị con phải thấp hơn cấp của đơn vị cha.",
                    "A \"" + child.nameEn() + "\" cannot sit under a \"" + parent.nameEn()
                            + "\": a child's level must rank below its parent's.");
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
            throw new InvalidValueException(
                    "unit.move.cycle",
                    "Không thể chuyển một đơn vị vào chính nó hoặc vào đơn vị trực thuộc nó.",
                    "A unit cannot move under itself or under one of its own descendants.");
        }
        if (!newParentActive) {
            throw new InvalidValueException(
                    "unit.parent.retired", "Đơn vị cha mới đã giải thể.", "The new parent unit has been retired.");
        }
        requireRanksBelow(unitLevel, newParentLevel);
    }
}
