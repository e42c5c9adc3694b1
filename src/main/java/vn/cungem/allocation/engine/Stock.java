package vn.cungem.allocation.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The ready items in id order, counted by kind. */
final class Stock {

    final ReadyItem[] items;
    final int[] supply = new int[ItemKind.values().length];

    Stock(List<ReadyItem> list) {
        items = list.toArray(ReadyItem[]::new);
        Arrays.sort(items, Comparator.comparingLong(ReadyItem::id));
        for (int i = 0; i < items.length; i++) {
            if (i > 0 && items[i].id() == items[i - 1].id()) {
                throw new IllegalArgumentException("item listed twice: " + items[i].id());
            }
            supply[items[i].kind().ordinal()]++;
        }
    }
}
