package vn.cungem.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.GoodsLine;
import vn.cungem.donation.GoodsPurchased;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class InventoryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Inventory inventory;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    long district;
    long campaign;
    long point;
    AccountDetails manager;
    AccountDetails outsider;

    @BeforeEach
    void setUp() {
        var data = new DonationTestData(jdbc);
        long city = fixtures.unit("Thành phố Hồ Chí Minh", "province", null);
        district = fixtures.unit("Thành phố Thủ Đức", "district", city);
        campaign = data.campaign(district);
        point = data.point(campaign, district, null);
        manager = fixtures.manager(district);
        outsider = fixtures.manager(fixtures.unit("Quận 5", "district", city));
    }

    private long purchase() {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into purchase (campaign_id, vendor_name, document_kind, document_number, document_date,
                                              total_vnd, collection_point_id, recorded_by_name, created_at)
                        values (?, 'Công ty Phong Vũ', 'INVOICE', ?, ?, 16500000, ?, 'Kế toán', ?)""")
                .params(campaign, TestFixtures.unique("HD"), LocalDate.now(), point, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    @Test
    void boughtDevicesBecomeTaggedItemsAndSimCardsToo() {
        long purchaseId = purchase();
        tx.executeWithoutResult(s -> events.publishEvent(new GoodsPurchased(
                purchaseId,
                campaign,
                point,
                district,
                LocalDate.now(),
                List.of(
                        new GoodsLine(ItemType.TABLET, 3, ItemCondition.NEW, "Sạc, bao da", "Samsung Tab A7", null),
                        new GoodsLine(ItemType.DATA_PACKAGE, 3, ItemCondition.NEW, null, "Gói 4G 12 tháng", null)))));
        List<Inventory.Item> items = inventory.itemsOfPurchase(purchaseId);
        assertThat(items).hasSize(3).allSatisfy(i -> {
            assertThat(i.sourceKind()).isEqualTo("PURCHASE");
            assertThat(i.type()).isEqualTo(ItemType.TABLET);
            assertThat(i.unitId()).isEqualTo(district);
        });
        assertThat(items).extracting(Inventory.Item::tag).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select sum(quantity) from stock_movement where purchase_id = ?")
                        .param(purchaseId)
                        .query(Long.class)
                        .single())
                .isEqualTo(3L);
    }

    @Test
    void itemPageAndScannableLabelAreForTheUnitsManagersOnly() throws Exception {
        long purchaseId = purchase();
        tx.executeWithoutResult(s -> events.publishEvent(new GoodsPurchased(
                purchaseId,
                campaign,
                point,
                district,
                LocalDate.now(),
                List.of(new GoodsLine(ItemType.LAPTOP, 1, ItemCondition.NEW, null, "Lenovo", List.of("PF-123"))))));
        String tag = inventory.itemsOfPurchase(purchaseId).get(0).tag();
        mvc.perform(get("/inventory/items/{t}", tag).with(user(manager))).andExpect(status().isOk());
        byte[] png = mvc.perform(get("/inventory/items/{t}/label.png", tag).with(user(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(DonationTestData.decodeQr(DonationTestData.png(png))).isEqualTo(tag);
        String list = mvc.perform(get("/campaigns/{id}/inventory", campaign).with(user(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains(tag);
        mvc.perform(get("/inventory/items/{t}", tag).with(user(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/inventory/items/{t}/label.png", tag).with(user(outsider)))
                .andExpect(status().isNotFound());
        assertThat(inventory.items(campaign, outsider.caller()).total()).isZero();
    }
}
