package vn.cungem.inventory.work;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.GoodsLine;
import vn.cungem.donation.GoodsPurchased;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.lifecycle.CheckCode;
import vn.cungem.inventory.lifecycle.CheckResult;
import vn.cungem.inventory.lifecycle.Checklist;
import vn.cungem.testsupport.TestFixtures;

/** A campaign with a collection point in a district, and devices bought into it, for the workshop's tests. */
public final class WorkshopTestData {

    public final long city;
    public final long district;
    public final long campaign;
    public final long point;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Inventory inventory;

    public WorkshopTestData(
            TestFixtures fixtures,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Inventory inventory) {
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
        this.inventory = inventory;
        var data = new DonationTestData(jdbc);
        city = fixtures.unit(TestFixtures.unique("Tỉnh "), "province", null);
        district = fixtures.unit(TestFixtures.unique("Huyện "), "district", city);
        campaign = data.campaign(district);
        point = data.point(campaign, district, null);
    }

    /** One device of this type bought into the campaign, as the purchase event makes it; its tag. */
    public String device(ItemType type) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into purchase (campaign_id, vendor_name, document_kind, document_number, document_date,
                                              total_vnd, collection_point_id, recorded_by_name, created_at)
                        values (?, 'Công ty Phong Vũ', 'INVOICE', ?, ?, 5500000, ?, 'Kế toán', ?)""")
                .params(campaign, TestFixtures.unique("HD"), LocalDate.now(), point, OffsetDateTime.now())
                .update(keys, "id");
        long purchaseId = keys.getKeyAs(Number.class).longValue();
        tx.executeWithoutResult(s -> events.publishEvent(new GoodsPurchased(
                purchaseId,
                campaign,
                point,
                district,
                LocalDate.now(),
                List.of(new GoodsLine(type, 1, ItemCondition.USED_WORKING, "Sạc", "Dell Latitude", null)))));
        return inventory.itemsOfPurchase(purchaseId).get(0).tag();
    }

    /** Every check of a laptop passed but the ones given as failing. */
    static List<Checklist.Answer> laptopChecks(CheckCode... failing) {
        List<CheckCode> failed = List.of(failing);
        return Checklist.checksFor(ItemType.LAPTOP).stream()
                .map(c -> failed.contains(c)
                        ? new Checklist.Answer(c, CheckResult.FAIL, "Hỏng")
                        : new Checklist.Answer(c, CheckResult.PASS, null))
                .toList();
    }
}
