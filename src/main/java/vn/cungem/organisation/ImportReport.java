package vn.cungem.organisation;

import java.util.List;

/**
 * What an import did: units added, renamed, moved to a new parent, unchanged, and rows rejected with the reason in
 * Vietnamese and English. A unit both renamed and moved appears in both lists.
 */
public record ImportReport(
        List<Line> added, List<Line> renamed, List<Line> moved, List<Line> unchanged, List<Rejected> rejected) {

    /** @param detail for a rename the old name, for a move the old parent code, otherwise empty */
    public record Line(int row, String code, String name, String detail) {}

    public record Rejected(int row, String code, String reasonVi, String reasonEn) {}
}
