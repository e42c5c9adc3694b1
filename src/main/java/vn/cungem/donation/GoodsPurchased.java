package vn.cungem.donation;

import java.time.LocalDate;
import java.util.List;

/**
 * Goods bought with the campaign's cash. Published in the transaction that records the purchase and debits the ledger;
 * the inventory module turns the devices into tagged items exactly as for donated ones.
 */
public record GoodsPurchased(
        long purchaseId,
        long campaignId,
        Long collectionPointId,
        long unitId,
        LocalDate purchasedOn,
        List<GoodsLine> lines) {}
