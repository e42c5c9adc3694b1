package vn.cungem.donation;

import java.util.Map;
import vn.cungem.campaign.ItemType;
import vn.cungem.shared.Money;

/** Where a pledge stands. Computed, never typed by hand: from what was pledged against what arrived. */
public enum PledgeStatus {
    PLEDGED,
    PARTLY_RECEIVED,
    RECEIVED,
    CANCELLED;

    /**
     * The one rule: a pledge is received when every pledged item type has arrived in at least the pledged quantity and
     * the cash received covers the cash pledged; partly received when anything has arrived; a cancelled pledge stays
     * cancelled.
     */
    public static PledgeStatus of(
            PledgeStatus current,
            Map<ItemType, Integer> pledged,
            Map<ItemType, Integer> received,
            Money cashPledgedVnd,
            Money cashReceivedVnd) {
        if (current == CANCELLED) {
            return CANCELLED;
        }
        boolean anything =
                cashReceivedVnd.isPositive() || received.values().stream().anyMatch(q -> q > 0);
        boolean goodsComplete =
                pledged.entrySet().stream().allMatch(e -> received.getOrDefault(e.getKey(), 0) >= e.getValue());
        boolean cashComplete = cashReceivedVnd.compareTo(cashPledgedVnd) >= 0;
        if (goodsComplete && cashComplete && anything) {
            return RECEIVED;
        }
        return anything ? PARTLY_RECEIVED : PLEDGED;
    }
}
