package vn.cungem.donation;

import java.time.LocalDate;
import java.util.List;

/**
 * Goods arrived at a collection point (a receipt, biên nhận), with or without a pledge. Published in the transaction
 * that records the receipt; the inventory module listens in the same transaction, so a receipt never exists without
 * its items.
 */
public record GoodsReceived(
        long receiptId,
        String receiptCode,
        long campaignId,
        long collectionPointId,
        long unitId,
        Long pledgeId,
        LocalDate receivedOn,
        List<GoodsLine> lines) {}
