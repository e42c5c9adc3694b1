package vn.cungem.donation;

import java.util.List;

/**
 * A page of a campaign's pledges, newest first. {@code nextCursor} / {@code previousCursor} continue the list (null at
 * its ends; see {@link ListCursor}); {@code page} and {@code hasNext} are kept for clients written before the cursors.
 */
public record PledgePage(
        List<PledgeSummary> rows, int page, int size, boolean hasNext, String nextCursor, String previousCursor) {

    public boolean hasPrevious() {
        return previousCursor != null;
    }
}
