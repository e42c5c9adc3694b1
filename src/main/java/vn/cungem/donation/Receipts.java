package vn.cungem.donation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.ItemType;
import vn.cungem.shared.security.Caller;

/**
 * Goods received in kind at a collection point (biên nhận): with a pledge, whose lines pre-fill the form, or as a
 * walk-in gift. A receipt is written once and never edited; a retried save with the same idempotency key returns the
 * receipt already written.
 *
 * <p>Issue 9, finding 9: a donor may bring the goods to any collection point of the campaign they pledged to, so a
 * receiver records them at a point of their own against any pledge of that campaign. The receiving side sees what it
 * needs to check the goods (code, status, pledged lines) and the donor's name masked ("Trần V. K.") unless it may
 * follow the pledge up itself ({@link Pledges#isVisible}); an anonymous donor stays anonymous; no contact details. A
 * pledge of another campaign is refused with that reason.
 */
@Service
public class Receipts {

    public static final String ENTITY = "receipt";
    public static final String ANONYMOUS_VI = Donors.ANONYMOUS_NAME;
    public static final int PAGE_SIZE = 25;

    private final ReceivingPoints points;
    private final ReceiptQueries queries;
    private final ReceiptRecording recording;
    private final ObjectProvider<ReceivedItemTags> tags;

    Receipts(
            ReceivingPoints points,
            ReceiptQueries queries,
            ReceiptRecording recording,
            ObjectProvider<ReceivedItemTags> tags) {
        this.points = points;
        this.queries = queries;
        this.recording = recording;
        this.tags = tags;
    }

    /** One line of what arrived. Serial numbers are optional, one per device. */
    public record Line(
            ItemType type,
            Integer quantity,
            ItemCondition condition,
            String accessories,
            String description,
            List<String> serialNumbers) {}

    /** A walk-in donor; {@code anonymous} gives without a name. Kind as in {@code donor.kind}. */
    public record WalkIn(String kind, String name, String phone, Boolean anonymous) {}

    /** What the officer saves. Either a pledge code or a walk-in donor. */
    public record NewReceipt(
            Long collectionPointId,
            String pledgeCode,
            WalkIn walkIn,
            LocalDate receivedOn,
            List<Line> lines,
            String note,
            String idempotencyKey) {}

    public record ReceiptLine(
            ItemType type,
            int quantity,
            ItemCondition condition,
            String accessories,
            String description,
            List<String> serialNumbers) {}

    public record Point(long id, String name, long unitId, String unitName, Long schoolId, String address) {}

    public record Receipt(
            long id,
            String code,
            long campaignId,
            String campaignName,
            Point point,
            Long pledgeId,
            String pledgeCode,
            String donorName,
            boolean anonymous,
            LocalDate receivedOn,
            String receivedByName,
            String note,
            List<ReceiptLine> lines) {

        /** The code the donor follows: the pledge's when there is one, else the receipt's own. */
        public String trackingCode() {
            return pledgeCode != null ? pledgeCode : code;
        }
    }

    public record Summary(
            long id,
            String code,
            LocalDate receivedOn,
            String pointName,
            String donorName,
            String pledgeCode,
            int units) {}

    public record Page(List<Summary> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** A pledge as the receiving form pre-fills it. */
    public record PledgeToReceive(
            long id, String code, String status, String donorName, Long collectionPointId, List<ReceiptLine> lines) {}

    /** The same 404 as a missing campaign when the caller may not see it. */
    public void requireCampaign(long campaignId, Caller caller) {
        points.requireCampaign(campaignId, caller);
    }

    public Point point(long campaignId, long pointId, Caller caller) {
        return points.point(campaignId, pointId, caller);
    }

    /** Active collection points of the campaign where the caller may receive goods. */
    public List<Point> pointsFor(long campaignId, Caller caller) {
        return points.pointsFor(campaignId, caller);
    }

    /** Issue 13: the campaigns (newest first, at most 50) with an active point where the caller receives goods. */
    public List<Long> campaignsReceivingAt(Caller caller) {
        return points.campaignsWithPointsFor(caller);
    }

    /** Managers at any point they cover; collection staff (school officer, assigned partner or team) at theirs. */
    public boolean mayReceiveAt(Caller caller, Point p) {
        return points.mayReceiveAt(caller, p);
    }

    /**
     * The pledge with this code in this campaign, for pre-filling, as a receiver may see it (see the class comment);
     * empty when there is none or the caller receives at no point of the campaign. A pledge of another campaign is
     * refused: goods are received into the campaign the donor pledged to.
     */
    public Optional<PledgeToReceive> pledgeByCode(long campaignId, String typedCode, Caller caller) {
        return queries.pledgeByCode(campaignId, typedCode, caller);
    }

    /** Records what arrived, in one transaction with its inventory items, the pledge's new status and the audit. */
    @Transactional
    public Receipt record(long campaignId, NewReceipt in, Caller caller) {
        return recording.record(campaignId, in, caller);
    }

    /** A device tag the inventory gave one unit of this receipt. */
    public record Tag(String tag, ItemType type, String serialNumber, String status) {}

    /**
     * The tags of the receipt's devices, in the order they were made. The inventory module, which depends on this one,
     * answers through {@link ReceivedItemTags}; none when it is absent (a module test without it).
     */
    public List<Tag> tagsOf(long receiptId) {
        ReceivedItemTags inventory = tags.getIfAvailable();
        return inventory == null ? List.of() : inventory.tagsOf(receiptId);
    }

    public Optional<Long> byKey(String key) {
        return recording.byKey(key);
    }

    /** Validates the lines; exposed for tests of the rule without a database. */
    public static List<GoodsLine> validLines(List<Line> raw) {
        return ReceiptRules.validLines(raw);
    }

    /** The receipt, when the caller may receive at its collection point; otherwise 404. */
    public Receipt get(long campaignId, long receiptId, Caller caller) {
        return queries.get(campaignId, receiptId, caller);
    }

    /** Without a scope check: for documents the system itself renders. */
    public Optional<Receipt> load(long receiptId) {
        return queries.load(receiptId);
    }

    /** Receipts of the campaign at the points the caller may receive at, newest first. */
    public Page list(long campaignId, String query, Caller caller, int page) {
        return queries.list(campaignId, query, caller, page);
    }
}
