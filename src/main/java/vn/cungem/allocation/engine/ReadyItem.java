package vn.cungem.allocation.engine;

import java.util.Objects;

/**
 * An item ready to hand out. {@code suitsUpTo} is its suitability class, read from its specifications by the caller;
 * {@code schoolId} is 0 when it waits at a workshop or collection point rather than at a school;
 * {@code pairedConnectivity}: it already comes with its own SIM or Wi-Fi, so its student needs nothing more to get online.
 */
public record ReadyItem(
        long id,
        ItemKind kind,
        SchoolLevel suitsUpTo,
        long schoolId,
        long communeId,
        long districtId,
        boolean pairedConnectivity) {

    public ReadyItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(suitsUpTo, "suitsUpTo");
    }
}
