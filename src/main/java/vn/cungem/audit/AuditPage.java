package vn.cungem.audit;

import java.util.List;

/** A page of entries, newest first. {@code page} counts from 0. */
public record AuditPage(List<AuditEntry> entries, int page, int size, boolean hasNext) {

    public static final int DEFAULT_SIZE = 50;

    public boolean hasPrevious() {
        return page > 0;
    }
}
