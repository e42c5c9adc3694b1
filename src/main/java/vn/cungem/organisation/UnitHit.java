package vn.cungem.organisation;

import java.util.ArrayList;
import java.util.List;

/** A unit found by a search, with the names of its ancestors (root first) so that same-named wards can be told apart. */
public record UnitHit(Unit unit, List<String> path) {

    /** Ancestors shown beside a name: the parent and the one above it are enough to tell two wards apart. */
    static final int PLACE_DEPTH = 2;

    /** The unit's name followed by its nearest ancestors: "Phường Linh Xuân — Thành phố Thủ Đức — Thành phố Hồ Chí Minh". */
    public String place() {
        List<String> parts = new ArrayList<>();
        parts.add(unit.name());
        for (int i = path.size() - 1; i >= 0 && parts.size() <= PLACE_DEPTH; i--) {
            parts.add(path.get(i));
        }
        return String.join(" — ", parts);
    }
}
