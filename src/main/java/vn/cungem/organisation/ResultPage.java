package vn.cungem.organisation;

import java.util.List;

/** One page of a list that may be national in size; {@code page} counts from 0. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public int offset() {
        return page * size;
    }
}
