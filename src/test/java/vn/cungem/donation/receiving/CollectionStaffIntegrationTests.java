package vn.cungem.donation.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.CollectionPointStaff;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.Receipts;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.inventory.Inventory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.InventoryTestPeople;
import vn.cungem.testsupport.TestFixtures;

/** Issue 13: collection staff receive at their own point, and at nobody else's. */
@IntegrationTest
class CollectionStaffIntegrationTests {

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

    @Autowired
    CollectionPointStaff staff;

    @Autowired
    AccountUserDetailsService accounts;

    DonationTestData data;
    InventoryTestPeople people;
    long district;
    long school;
    long otherSchool;
    long campaign;
    long point;
    long otherPoint;
    AccountDetails manager;

    @BeforeEach
    void setUp() {
        data = new DonationTestData(jdbc);
        people = new InventoryTestPeople(jdbc, fixtures, accounts);
        long city = fixtures.unit("Thành phố Hồ Chí Minh", "province", null);
        district = fixtures.unit("Thành phố Thủ Đức", "district", city);
        school = fixtures.school("Trường THCS Linh Trung", district);
        otherSchool = fixtures.school("Trường THCS Bình Thọ", district);
        campaign = data.campaign(district);
        point = data.point(campaign, district, school);
        otherPoint = data.point(campaign, district, otherSchool);
        manager = fixtures.manager(district);
    }

    private static Receipts.NewReceipt walkInLaptop(long point, String serial, String key) {
        return new Receipts.NewReceipt(
                point,
                null,
                new Receipts.WalkIn("INDIVIDUAL", "Lê Văn Tâm", null, false),
                null,
                List.of(new Receipts.Line(
                        ItemType.LAPTOP, 1, ItemCondition.USED_WORKING, "Sạc", "ThinkPad T480", List.of(serial))),
                null,
                key);
    }

    @Test
    void theOfficerOfThePointsSchoolReceivesAWalkInLaptopWithItsSerialAndSeesTheReceipt() throws Exception {
        AccountDetails officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null);

        // the officer's way in: the dashboard, then their own point and no other
        mvc.perform(get("/dashboard").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/receiving")));
        mvc.perform(get("/receiving").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("point=" + point)))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("point=" + otherPoint))));
        mvc.perform(get("/campaigns/{id}/receipts/new", campaign).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + point + "\"")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("value=\"" + otherPoint + "\""))));
        String location = mvc.perform(post("/campaigns/{id}/receipts", campaign)
                        .with(user(officer))
                        .with(csrf())
                        .param("point", String.valueOf(point))
                        .param("donorKind", "INDIVIDUAL")
                        .param("donorName", "Lê Văn Tâm")
                        .param("key", TestFixtures.unique("k"))
                        .param("type", "LAPTOP")
                        .param("quantity", "1")
                        .param("condition", "USED_WORKING")
                        .param("serials", " pf-1a2b 3c "))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long receiptId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Inventory.Item laptop = inventory.itemsOfReceipt(receiptId).get(0);
        assertThat(laptop.serialNumber()).isEqualTo("PF-1A2B3C");
        mvc.perform(get(location).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(laptop.tag())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("PF-1A2B3C")));
        String printed =
                DonationTestData.pdfText(mvc.perform(get(location + "/pdf").with(user(officer)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray());
        assertThat(printed.replaceAll("\\s+", "")).contains(laptop.tag() + "(PF-1A2B3C)");
    }

    @Test
    void anotherSchoolsOfficerIsRefusedWithoutLearningAnythingOfThePoint() throws Exception {
        AccountDetails other = fixtures.account(Role.SCHOOL_OFFICER, null, otherSchool, null);
        var r = receipts.record(campaign, walkInLaptop(point, "SN-A1", null), manager.caller());

        assertThatThrownBy(() -> receipts.record(campaign, walkInLaptop(point, "SN-A2", null), other.caller()))
                .isInstanceOf(NotFoundException.class);
        assertThat(receipts.pointsFor(campaign, other.caller()))
                .extracting(Receipts.Point::id)
                .containsExactly(otherPoint);
        String body = mvc.perform(post("/api/v1/campaigns/{id}/receipts", campaign)
                        .with(user(other))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"collectionPointId": %d, "walkIn": {"anonymous": true},
                                 "lines": [{"type": "LAPTOP", "quantity": 1, "condition": "NEW"}]}""".formatted(point)))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain("Điểm nhận").doesNotContain("Võ Văn Ngân");
        mvc.perform(get("/campaigns/{id}/receipts/{r}", campaign, r.id()).with(user(other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/campaigns/{id}/receipts/{r}/labels.pdf", campaign, r.id())
                        .with(user(other)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aPartnerOrTeamAssignedToAPointReceivesThereAndNowhereElse() {
        long partner = people.partner(district);
        AccountDetails partnerUser = fixtures.account(Role.PARTNER_USER, null, null, partner);
        long team = people.team(district);
        AccountDetails volunteer = people.volunteer(team, district);
        AccountDetails unassigned = people.volunteer(people.team(district), district);
        var command = walkInLaptop(point, "SN-B1", null);

        assertThatThrownBy(() -> receipts.record(campaign, command, partnerUser.caller()))
                .isInstanceOf(NotFoundException.class);
        staff.assign(campaign, point, partner, null, manager.caller());
        var again = staff.assign(campaign, point, partner, null, manager.caller());
        var teamAssignment = staff.assign(campaign, point, null, team, manager.caller());
        assertThat(staff.list(campaign, point, manager.caller()))
                .extracting(CollectionPointStaff.Assignment::id)
                .containsExactly(again.id(), teamAssignment.id());

        assertThat(receipts.record(campaign, command, partnerUser.caller())
                        .point()
                        .id())
                .isEqualTo(point);
        assertThat(receipts.record(campaign, walkInLaptop(point, "SN-B2", null), volunteer.caller())
                        .point()
                        .id())
                .isEqualTo(point);
        for (AccountDetails a : List.of(partnerUser, volunteer)) {
            assertThat(receipts.pointsFor(campaign, a.caller()))
                    .extracting(Receipts.Point::id)
                    .containsExactly(point);
            assertThatThrownBy(() -> receipts.record(campaign, walkInLaptop(otherPoint, "SN-B3", null), a.caller()))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> receipts.record(campaign, walkInLaptop(point, "SN-B4", null), unassigned.caller()))
                .isInstanceOf(NotFoundException.class);
        assertThat(receipts.list(campaign, null, volunteer.caller(), 0).total()).isEqualTo(2);

        staff.remove(campaign, point, teamAssignment.id(), manager.caller());
        assertThatThrownBy(() -> receipts.record(campaign, walkInLaptop(point, "SN-B5", null), volunteer.caller()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> staff.assign(campaign, point, partner, team, manager.caller()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageVi()).contains("chỉ một"));
        assertThatThrownBy(() -> staff.assign(campaign, point, null, team, volunteer.caller()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDuplicateImeiIsFlaggedWithTheOtherTagInScopeAndOnlyAsElsewhereOutside() throws Exception {
        // a fresh valid IMEI each run: the PostgreSQL test database keeps earlier runs' devices
        String imei = imei();
        String dashed = imei.substring(0, 2) + "-" + imei.substring(2, 8) + " " + imei.substring(8);
        String wrongCheck = imei.substring(0, 14) + (char) ('0' + (imei.charAt(14) - '0' + 1) % 10);
        var first = receipts.record(
                campaign,
                new Receipts.NewReceipt(
                        point,
                        null,
                        new Receipts.WalkIn(null, null, null, true),
                        null,
                        List.of(new Receipts.Line(
                                ItemType.SMARTPHONE, 1, ItemCondition.USED_WORKING, null, null, List.of(imei))),
                        null,
                        null),
                manager.caller());
        String firstTag = inventory.itemsOfReceipt(first.id()).get(0).tag();

        assertThatThrownBy(() -> receipts.record(
                        campaign,
                        new Receipts.NewReceipt(
                                point,
                                null,
                                new Receipts.WalkIn(null, null, null, true),
                                null,
                                List.of(new Receipts.Line(
                                        ItemType.SMARTPHONE,
                                        1,
                                        ItemCondition.USED_WORKING,
                                        null,
                                        null,
                                        List.of(wrongCheck))),
                                null,
                                null),
                        manager.caller()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("receipt.line-imei");
                    assertThat(e.messageVi()).contains(wrongCheck).contains("15 chữ số");
                });

        // the same phone again, typed with spaces and dashes: recorded, and flagged at entry and on the receipt
        mvc.perform(get("/campaigns/{id}/receipts/serial-check", campaign)
                        .with(user(manager))
                        .param("type", "SMARTPHONE")
                        .param("serials", dashed))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(firstTag)));
        var second = receipts.record(
                campaign,
                new Receipts.NewReceipt(
                        point,
                        null,
                        new Receipts.WalkIn(null, null, null, true),
                        null,
                        List.of(new Receipts.Line(
                                ItemType.SMARTPHONE, 1, ItemCondition.USED_WORKING, null, null, List.of(dashed))),
                        null,
                        null),
                manager.caller());
        assertThat(inventory.itemsOfReceipt(second.id()).get(0).serialNumber()).isEqualTo(imei);
        mvc.perform(get("/campaigns/{id}/receipts/{r}", campaign, second.id()).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Trùng số sê-ri")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(firstTag)));

        mvc.perform(get("/api/v1/campaigns/{id}/receipts/{r}/serial-flags", campaign, second.id())
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].serial").value(imei))
                .andExpect(jsonPath("$[0].otherTag").value(firstTag));

        // a manager of another district, receiving in a campaign of their own, learns only "elsewhere"
        long otherDistrict = fixtures.unit("Quận 3", "district", fixtures.unit("Tỉnh Bình Dương", "province", null));
        AccountDetails outsider = fixtures.manager(otherDistrict);
        long otherCampaign = data.campaign(otherDistrict);
        data.point(otherCampaign, otherDistrict, null);
        mvc.perform(get("/campaigns/{id}/receipts/serial-check", otherCampaign)
                        .with(user(outsider))
                        .param("type", "SMARTPHONE")
                        .param("serials", imei))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ở nơi khác")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(firstTag))));
        mvc.perform(get("/api/v1/inventory/serials").with(user(outsider)).param("serial", imei))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.others[0]").value("elsewhere"));
    }

    private static String imei() {
        StringBuilder digits = new StringBuilder("35");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (digits.length() < 14) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (vn.cungem.donation.DeviceSerial.isImei(digits.toString() + check)) {
                return digits.toString() + check;
            }
        }
        throw new IllegalStateException("no check digit");
    }
}
