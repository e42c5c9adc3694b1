package vn.cungem.inventory.labels;

import java.util.ArrayList;
import java.util.List;

/**
 * The common A4 label sheet: 3 columns × 8 rows of 70 × 37 mm labels, no gaps (3 × 70 = 210 mm wide, 8 × 37 = 296 mm
 * of the 297 mm page). Labels fill the sheet row by row; more than 24 continue on the next sheet.
 */
record LabelSheet(List<List<List<Label>>> pages) {

    static final int COLUMNS = 3;
    static final int ROWS = 8;
    static final int PER_PAGE = COLUMNS * ROWS;

    /** One label: the QR of the item's address, its tag in big letters, its type and campaign. */
    record Label(String tag, String url, String qrDataUri, String type, String campaign) {}

    static LabelSheet of(List<Label> labels) {
        List<List<List<Label>>> pages = new ArrayList<>();
        for (int start = 0; start < labels.size(); start += PER_PAGE) {
            List<Label> page = labels.subList(start, Math.min(labels.size(), start + PER_PAGE));
            List<List<Label>> rows = new ArrayList<>();
            for (int r = 0; r < page.size(); r += COLUMNS) {
                rows.add(page.subList(r, Math.min(page.size(), r + COLUMNS)));
            }
            pages.add(rows);
        }
        return new LabelSheet(pages);
    }
}
