package vn.cungem.inventory.atschool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.Receipts;
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.places.PlaceKind;
import vn.cungem.inventory.places.Places;
import vn.cungem.inventory.places.Transfer;
import vn.cungem.inventory.places.Transfers;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** Issue 13: a school's officer sees, read-only, the devices sent to the school, and nothing of another school. */
@IntegrationTest
class SchoolItemsIntegrationTests {

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
    Places places;

    @Autowired
    Transfers transfers;

    @Autowired
    SchoolItems items;

    @Test
    void theOfficerSeesTheDevicesSentToTheSchoolAndAnotherSchoolsOfficerSeesNone() throws Exception {
        DonationTestData data = new DonationTestData(jdbc);
        long city = fixtures.unit("Thành phố Hồ Chí Minh", "province", null);
        long district = fixtures.unit("Thành phố Thủ Đức", "district", city);
        long schoolA = fixtures.school("Trường THCS Linh Trung", district);
        long schoolB = fixtures.school("Trường THCS Bình Chiểu", district);
        long campaign = data.campaign(district);
        long point = data.point(campaign, district, schoolA);
        AccountDetails manager = fixtures.manager(district);
        AccountDetails officerA = fixtures.account(Role.SCHOOL_OFFICER, null, schoolA, null);
        AccountDetails officerB = fixtures.account(Role.SCHOOL_OFFICER, null, schoolB, null);
        var r = receipts.record(
                campaign,
                new Receipts.NewReceipt(
                        point,
                        null,
                        new Receipts.WalkIn(null, null, null, true),
                        null,
                        List.of(new Receipts.Line(ItemType.LAPTOP, 2, ItemCondition.USED_WORKING, null, null, null)),
                        null,
                        null),
                manager.caller());
        List<String> tags = inventory.itemsOfReceipt(r.id()).stream()
                .map(Inventory.Item::tag)
                .toList();
        long schoolPlace = places.create(
                        new Places.NewPlace(PlaceKind.SCHOOL, null, null, null, schoolA), manager.caller())
                .id();
        places.create(new Places.NewPlace(PlaceKind.SCHOOL, null, null, null, schoolB), manager.caller());
        Transfer t = transfers.send(
                new Transfer.NewTransfer(places.forPoint(point), schoolPlace, List.of(tags.get(0)), null),
                UUID.randomUUID().toString(),
                manager.caller());
        transfers.receive(t.id(), officerA.caller());

        assertThat(items.at(officerA.caller()))
                .extracting(SchoolItems.Row::tag)
                .as("the device still at the collection point the school hosts is not at the school")
                .containsExactly(tags.get(0));
        assertThat(items.at(officerB.caller())).isEmpty();
        assertThat(items.at(manager.caller())).isEmpty();
        assertThatThrownBy(() -> items.item(tags.get(0), officerB.caller())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> items.item(tags.get(1), officerA.caller())).isInstanceOf(NotFoundException.class);

        mvc.perform(get("/inventory/at-school").with(user(officerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tags.get(0))));
        mvc.perform(get("/inventory/at-school/" + tags.get(0).toLowerCase()).with(user(officerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tags.get(0))));
        mvc.perform(get("/inventory/at-school/" + tags.get(0)).with(user(officerB)))
                .andExpect(status().isNotFound());
    }
}
