package vn.cungem.organisation.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.cungem.organisation.ImportReport.Line;
import vn.cungem.organisation.ImportReport.Rejected;
import vn.cungem.organisation.Level;
import vn.cungem.organisation.UnitRow;
import vn.cungem.organisation.tree.TreeRules;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.Bundles;

/**
 * Compares rows to import with the units already stored (matched by official code) and decides, row by row, what to
 * add, rename, move, leave alone or reject. Plain Java: the caller loads the existing units in one query and writes the
 * plan in batches.
 */
public final class ImportPlanner {

    /** A stored unit as the planner needs it. */
    public record Existing(long id, String code, String name, String levelCode, String parentCode) {}

    /** A row accepted for writing; {@code depth} orders inserts so parents come before children. */
    public record Accepted(UnitRow row, int depth) {}

    public record Plan(
            List<Accepted> toAdd,
            List<Accepted> toRename,
            List<Accepted> toMove,
            List<Line> added,
            List<Line> renamed,
            List<Line> moved,
            List<Line> unchanged,
            List<Rejected> rejected) {}

    private ImportPlanner() {}

    public static Plan plan(List<UnitRow> input, Map<String, Existing> existing, Map<String, Level> levels) {
        List<Rejected> rejected = new ArrayList<>();
        Map<String, UnitRow> byCode = new LinkedHashMap<>();
        for (UnitRow row : input) {
            String code;
            try {
                code = TreeRules.requireUnitCode(row.code());
                TreeRules.requireName(row.name(), 200);
            } catch (InvalidValueException e) {
                rejected.add(new Rejected(row.rowNumber(), row.code(), e.messageVi(), e.messageEn()));
                continue;
            }
            UnitRow first = byCode.get(code);
            if (first == null) {
                byCode.put(code, row);
            } else if (!Objects.equals(first.parentCode(), row.parentCode())) {
                rejected.add(rejection(
                        row,
                        code,
                        "org.import.error.two-parents",
                        code,
                        first.parentCode(),
                        first.rowNumber(),
                        row.parentCode()));
            } else if (!first.name().equals(row.name()) || !first.levelCode().equals(row.levelCode())) {
                rejected.add(rejection(row, code, "org.import.error.two-names", code, first.rowNumber(), first.name()));
            }
        }
        // Decide each code once, parents first, so a child of a rejected parent is rejected too.
        Map<String, Integer> depth = new HashMap<>();
        Map<String, Rejected> rejectedCodes = new HashMap<>();
        Map<String, String> finalParent = new HashMap<>();
        existing.values().forEach(e -> finalParent.put(e.code(), e.parentCode()));
        byCode.values().forEach(r -> finalParent.put(r.code(), r.parentCode()));
        for (UnitRow row : byCode.values()) {
            resolve(row.code(), byCode, existing, levels, depth, rejectedCodes, finalParent, 0);
        }
        List<Accepted> toAdd = new ArrayList<>();
        List<Accepted> toRename = new ArrayList<>();
        List<Accepted> toMove = new ArrayList<>();
        List<Line> added = new ArrayList<>();
        List<Line> renamed = new ArrayList<>();
        List<Line> moved = new ArrayList<>();
        List<Line> unchanged = new ArrayList<>();
        for (UnitRow row : byCode.values()) {
            Rejected why = rejectedCodes.get(row.code());
            if (why != null) {
                rejected.add(why);
                continue;
            }
            Accepted accepted = new Accepted(row, depth.get(row.code()));
            Existing stored = existing.get(row.code());
            if (stored == null) {
                toAdd.add(accepted);
                added.add(new Line(row.rowNumber(), row.code(), row.name(), ""));
                continue;
            }
            boolean changed = false;
            if (!stored.name().equals(row.name())) {
                toRename.add(accepted);
                renamed.add(new Line(row.rowNumber(), row.code(), row.name(), stored.name()));
                changed = true;
            }
            if (!Objects.equals(stored.parentCode(), row.parentCode())) {
                toMove.add(accepted);
                moved.add(new Line(
                        row.rowNumber(),
                        row.code(),
                        row.name(),
                        stored.parentCode() == null ? "" : stored.parentCode()));
                changed = true;
            }
            if (!changed) {
                unchanged.add(new Line(row.rowNumber(), row.code(), row.name(), ""));
            }
        }
        toAdd.sort(Comparator.comparingInt(Accepted::depth));
        toMove.sort(Comparator.comparingInt(Accepted::depth));
        rejected.sort(Comparator.comparingInt(Rejected::row));
        return new Plan(toAdd, toRename, toMove, added, renamed, moved, unchanged, rejected);
    }

    /** Returns the depth of the code in the final tree, or -1 when it (or an ancestor in the file) is rejected. */
    private static int resolve(
            String code,
            Map<String, UnitRow> byCode,
            Map<String, Existing> existing,
            Map<String, Level> levels,
            Map<String, Integer> depth,
            Map<String, Rejected> rejectedCodes,
            Map<String, String> finalParent,
            int hops) {
        if (depth.containsKey(code)) {
            return depth.get(code);
        }
        if (rejectedCodes.containsKey(code)) {
            return -1;
        }
        UnitRow row = byCode.get(code);
        if (row == null) {
            // A stored unit the file does not mention: its depth only orders inserts, so 0 is enough.
            return 0;
        }
        if (hops > 64) {
            return reject(rejectedCodes, row, "org.import.error.parent-cycle");
        }
        Level level = levels.get(row.levelCode());
        if (level == null) {
            return reject(rejectedCodes, row, "org.import.error.level-unknown", row.levelCode());
        }
        Existing stored = existing.get(code);
        if (stored != null && !stored.levelCode().equals(row.levelCode())) {
            return reject(
                    rejectedCodes, row, "org.import.error.level-changed", code, stored.levelCode(), row.levelCode());
        }
        if (row.parentCode() == null) {
            depth.put(code, 0);
            return 0;
        }
        String parentLevelCode;
        UnitRow parentRow = byCode.get(row.parentCode());
        Existing parentStored = existing.get(row.parentCode());
        if (parentRow != null) {
            parentLevelCode = parentRow.levelCode();
        } else if (parentStored != null) {
            parentLevelCode = parentStored.levelCode();
        } else {
            return reject(rejectedCodes, row, "org.import.error.parent-unknown", row.parentCode());
        }
        if (isOwnAncestor(code, finalParent)) {
            return reject(rejectedCodes, row, "org.import.error.own-descendant", code);
        }
        int parentDepth =
                resolve(row.parentCode(), byCode, existing, levels, depth, rejectedCodes, finalParent, hops + 1);
        if (parentDepth < 0) {
            return reject(rejectedCodes, row, "org.import.error.parent-rejected", row.parentCode());
        }
        Level parentLevel = levels.get(parentLevelCode);
        try {
            TreeRules.requireRanksBelow(level, parentLevel);
        } catch (InvalidValueException e) {
            rejectedCodes.put(row.code(), new Rejected(row.rowNumber(), row.code(), e.messageVi(), e.messageEn()));
            return -1;
        }
        depth.put(code, parentDepth + 1);
        return parentDepth + 1;
    }

    private static boolean isOwnAncestor(String code, Map<String, String> finalParent) {
        String current = finalParent.get(code);
        for (int hops = 0; current != null && hops < 64; hops++) {
            if (current.equals(code)) {
                return true;
            }
            current = finalParent.get(current);
        }
        return current != null;
    }

    private static int reject(Map<String, Rejected> rejectedCodes, UnitRow row, String key, Object... args) {
        rejectedCodes.put(row.code(), rejection(row, row.code(), key, args));
        return -1;
    }

    private static Rejected rejection(UnitRow row, String code, String key, Object... args) {
        return new Rejected(row.rowNumber(), code, Bundles.vi(key, args), Bundles.en(key, args));
    }
}
