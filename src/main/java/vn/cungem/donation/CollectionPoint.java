package vn.cungem.donation;

/** A saved collection point. */
public record CollectionPoint(
        long id,
        long campaignId,
        String name,
        long unitId,
        String unitName,
        Long schoolId,
        String schoolName,
        String address,
        String openingHours,
        boolean active,
        int version) {}
