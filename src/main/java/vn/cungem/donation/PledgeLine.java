package vn.cungem.donation;

import vn.cungem.campaign.ItemType;

/** A saved pledge line. */
public record PledgeLine(
        ItemType itemType, int quantity, ItemCondition condition, String accessories, String description) {}
