package vn.cungem.donation.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.Receipts;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class ReceivingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Receipts receipts;

    @Autowired
    Inventory inventory;

    DonationTestData data;
    long district;
    long otherDistrict;
    long school;
    long campaign;
    long point;
    AccountDetails manager;
    AccountDetails outsider;

    @BeforeEach
    void setUp() {
        data = new DonationTestData(jdbc);
        long city = fixtures.unit("Thành phố Hồ Chí Minh", "province", null);
        district = fixtures.unit("Thành phố Thủ Đức", "district", city);
        otherDistrict = fixtures.unit("Quận 3", "district", city);
        school = fixtures.school("Trường THCS Linh Trung", district);
        campaign = data.campaign(district);
        point = data.point(campaign, district, school);
        manager = fixtures.manager(district);
        outsider = fixtures.manager(otherDistrict);
    }

    private static Receipts.Line laptops(int n, String serials) {
        return new Receipts.Line(
                ItemType.LAPTOP,
                n,
                ItemCondition.USED_WORKING,
                "Sạc",
                "Dell Latitude",
                serials == null ? null : List.of(serials));
    }

    private static Receipts.Line books(int n) {
        return new Receipts.Line(ItemType.BOOKS_AND_SUPPLIES, n, ItemCondition.NEW, null, "Bộ sách lớp 7", null);
    }

    @Test
    void receivingEverythingPledgedTagsEachLaptopCountsBooksAndCompletesThePledge() {
        var pledge = data.pledge(campaign, point, null, false);
        var r = receipts.record(
                campaign,
                new Receipts.NewReceipt(
                        point,
                        pledge.code().toLowerCase(),
                        null,
                        LocalDate.now(),
                        List.of(laptops(2, "SN-1, SN-2"), books(10)),
                        null,
                        null),
                manager.caller());

        assertThat(r.code()).startsWith("BN");
        assertThat(r.pledgeCode()).isEqualTo(pledge.code());
        List<Inventory.Item> items = inventory.itemsOfReceipt(r.id());
        assertThat(items).hasSize(2).allSatisfy(i -> {
            assertThat(i.tag()).startsWith("TB").hasSize(10);
            assertThat(i.status()).isEqualTo("RECEIVED");
            assertThat(i.pledgeId()).isEqualTo(pledge.id());
            assertThat(inventory.events(i.id()))
                    .extracting(Inventory.Event::status)
                    .containsExactly("RECEIVED");
        });
        assertThat(items).extracting(Inventory.Item::serialNumber).containsExactly("SN-1", "SN-2");
        assertThat(jdbc.sql("select sum(quantity) from stock_movement where receipt_id = ?")
                        .param(r.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(10L);
        assertThat(inventory.stock(campaign, manager.caller()))
                .extracting(Inventory.StockTotal::type, Inventory.StockTotal::quantity)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(ItemType.LAPTOP, 2L),
                        org.assertj.core.groups.Tuple.tuple(ItemType.BOOKS_AND_SUPPLIES, 10L));
        assertThat(data.pledgeStatus(pledge.id())).isEqualTo("RECEIVED");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'receipt' and entity_id = ?")
                        .param(String.valueOf(r.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void pledgeStaysPartlyReceivedUntilCashArrivesToo() {
        var pledge = data.pledge(campaign, point, 2_000_000L, false);
        receipts.record(
                campaign,
                new Receipts.NewReceipt(
                        point, pledge.code(), null, null, List.of(laptops(2, null), books(10)), null, null),
                manager.caller());
        assertThat(data.pledgeStatus(pledge.id())).isEqualTo("PARTLY_RECEIVED");
    }

    @Test
    void apiRetryWithTheSameIdempotencyKeyReturnsTheSameReceipt() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = """
                {"collectionPointId": %d, "walkIn": {"name": "Công ty TNHH Ánh Dương", "kind": "BUSINESS"},
                 "lines": [{"type": "TABLET", "quantity": 3, "condition": "NEW"}]}""".formatted(point);
        String first = mvc.perform(post("/api/v1/campaigns/{id}/receipts", campaign)
                        .with(user(manager))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.donorName").value("Công ty TNHH Ánh Dương"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String second = mvc.perform(post("/api/v1/campaigns/{id}/receipts", campaign)
                        .with(user(manager))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from receipt where idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        long receiptId = receipts.byKey(key).orElseThrow();
        assertThat(inventory.itemsOfReceipt(receiptId)).hasSize(3);
        mvc.perform(get("/api/v1/campaigns/{id}/receipts/{r}", campaign, receiptId)
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].quantity").value(3));
    }

    @Test
    void badApiBodyAnswersABilingualProblemAndWritesNothing() throws Exception {
        long before = jdbc.sql("select count(*) from receipt").query(Long.class).single();
        mvc.perform(post("/api/v1/campaigns/{id}/receipts", campaign)
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"collectionPointId": %d, "walkIn": {"anonymous": true},
                                 "lines": [{"type": "LAPTOP", "quantity": 0, "condition": "NEW"}]}""".formatted(point)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail_en").exists());
        assertThat(jdbc.sql("select count(*) from receipt").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void walkInAnonymousGiftFromThePhoneFormRedirectsToTheReceipt() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/campaigns/{id}/receipts", campaign)
                        .with(user(manager))
                        .with(csrf())
                        .param("key", key)
                        .param("point", String.valueOf(point))
                        .param("anonymous", "true")
                        .param("type", "SMARTPHONE", "")
                        .param("quantity", "1", "")
                        .param("condition", "USED_NEEDS_REPAIR", "")
                        .param("accessories", "", "")
                        .param("description", "Màn hình nứt", "")
                        .param("serials", "", ""))
                .andExpect(status().is3xxRedirection());
        long id = receipts.byKey(key).orElseThrow();
        var r = receipts.get(campaign, id, manager.caller());
        assertThat(r.anonymous()).isTrue();
        assertThat(r.donorName()).isEqualTo(Receipts.ANONYMOUS_VI);
        assertThat(r.lines()).hasSize(1);
        mvc.perform(get("/campaigns/{id}/receipts/{r}", campaign, id).with(user(manager)))
                .andExpect(status().isOk());
        mvc.perform(get("/campaigns/{id}/receipts", campaign).with(user(manager)))
                .andExpect(status().isOk());
    }

    @Test
    void formShowsTheProblemAndKeepsWhatWasTyped() throws Exception {
        String html = mvc.perform(post("/campaigns/{id}/receipts", campaign)
                        .with(user(manager))
                        .with(csrf())
                        .param("key", UUID.randomUUID().toString())
                        .param("point", String.valueOf(point))
                        .param("donorName", "Phạm Minh")
                        .param("type", "LAPTOP")
                        .param("quantity", "1")
                        .param("condition", "")
                        .param("description", "Asus X441"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("Dòng 1: chọn tình trạng").contains("Asus X441");
    }

    @Test
    void formPrefillsThePledgedLinesFromAScannedCode() throws Exception {
        var pledge = data.pledge(campaign, point, null, false);
        String html = mvc.perform(get("/campaigns/{id}/receipts/new", campaign)
                        .param(
                                "pledge",
                                pledge.code().substring(0, 5) + "-"
                                        + pledge.code().substring(5))
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains(pledge.code()).contains("Dell Latitude").contains("Bộ sách lớp 7");
    }

    @Test
    void managerOfAnotherDistrictSeesNothingAndCannotReceive() throws Exception {
        var r = receipts.record(
                campaign,
                new Receipts.NewReceipt(
                        point,
                        null,
                        new Receipts.WalkIn(null, "Lê Văn Tám", null, false),
                        null,
                        List.of(books(5)),
                        null,
                        null),
                manager.caller());
        mvc.perform(get("/campaigns/{id}/receipts/{r}", campaign, r.id()).with(user(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/campaigns/{id}/receipts/{r}/pdf", campaign, r.id()).with(user(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/campaigns/{id}/receipts/{r}", campaign, r.id()).with(user(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/campaigns/{id}/receipts", campaign)
                        .with(user(outsider))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"collectionPointId": %d, "walkIn": {"anonymous": true},
                                 "lines": [{"type": "LAPTOP", "quantity": 1, "condition": "NEW"}]}""".formatted(point)))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> receipts.list(campaign, null, outsider.caller(), 0))
                .isInstanceOf(NotFoundException.class);
        mvc.perform(get("/campaigns/{id}/receipts", campaign).with(user(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/campaigns/{id}/receipts/new", campaign).with(user(outsider)))
                .andExpect(status().isNotFound());
        assertThat(receipts.list(campaign, "le van", manager.caller(), 0).items())
                .extracting(Receipts.Summary::id)
                .contains(r.id());
    }

    @Test
    void schoolOfficerOfThePointsSchoolReceivesGoods() {
        AccountDetails officer = fixtures.account(Role.SCHOOL_OFFICER, district, school, null);
        AccountDetails otherOfficer =
                fixtures.account(Role.SCHOOL_OFFICER, district, fixtures.school("Trường khác", district), null);
        var command = new Receipts.NewReceipt(
                point, null, new Receipts.WalkIn(null, null, null, true), null, List.of(books(3)), null, null);
        assertThat(receipts.record(campaign, command, officer.caller()).code()).startsWith("BN");
        assertThatThrownBy(() -> receipts.record(campaign, command, otherOfficer.caller()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void printedReceiptKeepsVietnameseTextAndItsQrOpensTheTrackingPage() throws Exception {
        var pledge = data.pledge(campaign, point, null, false);
        var r = receipts.record(
                campaign,
                new Receipts.NewReceipt(point, pledge.code(), null, null, List.of(laptops(1, null)), null, null),
                manager.caller());
        byte[] pdf = mvc.perform(get("/campaigns/{id}/receipts/{r}/pdf", campaign, r.id())
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = DonationTestData.pdfText(pdf);
        String tag = inventory.itemsOfReceipt(r.id()).get(0).tag();
        assertThat(text)
                .contains("Biên nhận")
                .contains("Nhà hảo tâm")
                .contains("Trần Thị Hoà")
                .contains("Máy tính xách tay")
                .contains("Người giao")
                .contains("Người nhận")
                .contains(r.code())
                .contains(tag);
        assertThat(DonationTestData.decodeQr(DonationTestData.pdfPage(pdf))).endsWith("/public/track/" + pledge.code());
    }

    @Test
    void certificateThanksTheDonorForWhatArrivedAndIsOfferedPubliclyOnlyWhenWanted() throws Exception {
        var wanted = data.pledge(campaign, point, null, true);
        var notWanted = data.pledge(campaign, point, null, false);
        for (var p : List.of(wanted, notWanted)) {
            receipts.record(
                    campaign,
                    new Receipts.NewReceipt(point, p.code(), null, null, List.of(laptops(2, null)), null, null),
                    manager.caller());
        }
        byte[] pdf = mvc.perform(get("/campaigns/{id}/pledges/{p}/certificate.pdf", campaign, wanted.id())
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(DonationTestData.pdfText(pdf))
                .contains("GIẤY CHỨNG NHẬN")
                .contains("Trần Thị Hoà")
                .contains("2 Máy tính xách tay")
                .contains("Thành phố Thủ Đức");
        mvc.perform(get("/campaigns/{id}/pledges/{p}/certificate.pdf", campaign, wanted.id())
                        .with(user(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/public/track/{c}/certificate.pdf", wanted.code())).andExpect(status().isOk());
        mvc.perform(get("/public/track/{c}/certificate.pdf", notWanted.code())).andExpect(status().isNotFound());
    }
}
