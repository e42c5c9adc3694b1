package vn.cungem.inventory.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
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
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.inventory.Inventory;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.InventoryTestPeople;
import vn.cungem.testsupport.TestFixtures;

/** Issue 13: where each item is, and transfers that keep the count right at both ends and in transit. */
@IntegrationTest
class PlacesAndTransfersIntegrationTests {

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
    PlaceStock stock;

    @Autowired
    Transfers transfers;

    @Autowired
    AccountUserDetailsService accounts;

    long district;
    long campaign;
    long point;
    long team;
    AccountDetails manager;
    AccountDetails volunteer;
    AccountDetails outsider;
    List<String> tags;

    @BeforeEach
    void setUp() {
        DonationTestData data = new DonationTestData(jdbc);
        InventoryTestPeople people = new InventoryTestPeople(jdbc, fixtures, accounts);
        long city = fixtures.unit("Thành phố Hồ Chí Minh", "province", null);
        district = fixtures.unit("Thành phố Thủ Đức", "district", city);
        outsider = fixtures.manager(fixtures.unit("Quận 3", "district", city));
        long school = fixtures.school("Trường THCS Linh Trung", district);
        campaign = data.campaign(district);
        point = data.point(campaign, district, school);
        manager = fixtures.manager(district);
        team = people.team(district);
        volunteer = people.volunteer(team, district);
        var r = receipts.record(
                campaign,
                new Receipts.NewReceipt(
                        point,
                        null,
                        new Receipts.WalkIn(null, null, null, true),
                        null,
                        List.of(
                                new Receipts.Line(ItemType.LAPTOP, 3, ItemCondition.USED_WORKING, null, null, null),
                                new Receipts.Line(ItemType.TABLET, 1, ItemCondition.NEW, null, null, null)),
                        null,
                        null),
                manager.caller());
        tags = inventory.itemsOfReceipt(r.id()).stream()
                .map(Inventory.Item::tag)
                .toList();
    }

    @Test
    void theNewWorkshopFormOffersTheTeamsInScopeByName() throws Exception {
        String name = jdbc.sql("select name from volunteer_team where id = ?")
                .param(team)
                .query(String.class)
                .single();
        String page = mvc.perform(get("/inventory/places").with(user(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(page)
                .contains("<option value=\"" + team + "\">" + name + "</option>")
                .doesNotContain("name=\"teamId\" type=\"number\"");
        String outsiders = mvc.perform(get("/inventory/places").with(user(outsider)))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(outsiders).doesNotContain(name);
    }

    private long pointPlace() {
        return places.visible(manager.caller()).stream()
                .filter(p -> Long.valueOf(point).equals(p.collectionPointId()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static long count(PlaceStock.Stock s, ItemType type) {
        return s.here().stream()
                .filter(c -> c.type() == type)
                .mapToLong(PlaceStock.Count::quantity)
                .sum();
    }

    @Test
    void aTransferFromThePointToAWorkshopKeepsBothEndsAndTransitRightAndARetryMovesNothingTwice() throws Exception {
        long from = pointPlace();
        assertThat(count(stock.of(from, manager.caller()), ItemType.LAPTOP)).isEqualTo(3);
        long workshop = places.create(
                        new Places.NewPlace(PlaceKind.WORKSHOP, "Xưởng IT áo xanh Linh Trung", null, team, null),
                        manager.caller())
                .id();
        String key = UUID.randomUUID().toString();
        String body = """
                {"fromPlaceId": %d, "toPlaceId": %d, "tags": ["%s", "%s"], "note": "Đi sửa"}""".formatted(from, workshop, tags.get(0), tags.get(1).toLowerCase());

        String created = mvc.perform(post("/api/v1/inventory/transfers")
                        .with(user(manager))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("SENT"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/inventory/transfers")
                        .with(user(manager))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        assertThat(jdbc.sql("select count(*) from inventory_transfer where idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        PlaceStock.Stock atPoint = stock.of(from, manager.caller());
        PlaceStock.Stock atWorkshop = stock.of(workshop, volunteer.caller());
        assertThat(count(atPoint, ItemType.LAPTOP)).isEqualTo(1);
        assertThat(count(atPoint, ItemType.TABLET)).isEqualTo(1);
        assertThat(atPoint.totalLeaving()).isEqualTo(2);
        assertThat(atWorkshop.totalHere()).isZero();
        assertThat(atWorkshop.totalArriving()).isEqualTo(2);

        // an item already on the way cannot leave again: nothing of the second transfer is written
        long before = jdbc.sql("select count(*) from inventory_transfer")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> transfers.send(
                        new Transfer.NewTransfer(from, workshop, List.of(tags.get(2), tags.get(0)), null),
                        null,
                        manager.caller()))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.messageVi()).contains(tags.get(0)).contains("không chuyển thiết bị nào"));
        assertThat(jdbc.sql("select count(*) from inventory_transfer")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(stock.of(from, manager.caller()).totalHere()).isEqualTo(2);

        // the workshop's volunteer confirms; outsiders see nothing
        assertThatThrownBy(() -> transfers.get(id, outsider.caller())).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/api/v1/inventory/places/{id}/stock", workshop).with(user(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/inventory/transfers/{id}/receive", id).with(user(volunteer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RECEIVED"))
                .andExpect(jsonPath("$.closedByName").isNotEmpty());
        atPoint = stock.of(from, manager.caller());
        atWorkshop = stock.of(workshop, volunteer.caller());
        assertThat(atPoint.totalHere()).isEqualTo(2);
        assertThat(atPoint.totalLeaving()).isZero();
        assertThat(count(atWorkshop, ItemType.LAPTOP)).isEqualTo(2);
        assertThat(atWorkshop.totalArriving()).isZero();
        assertThat(inventory.events(inventory.byTag(tags.get(0)).orElseThrow().id()))
                .extracting(Inventory.Event::note)
                .anySatisfy(n -> assertThat(n).contains("Xưởng IT áo xanh Linh Trung"));
        assertThatThrownBy(() -> transfers.cancel(id, manager.caller())).isInstanceOf(ConflictException.class);
    }

    @Test
    void aCancelledTransferPutsTheItemsBackAtTheSender() {
        long from = pointPlace();
        long workshop = places.create(
                        new Places.NewPlace(PlaceKind.WORKSHOP, "Xưởng quận", district, null, null), manager.caller())
                .id();
        Transfer t = transfers.send(
                new Transfer.NewTransfer(from, workshop, List.of(tags.get(0)), null), null, manager.caller());
        assertThat(stock.of(from, manager.caller()).totalHere()).isEqualTo(3);
        assertThat(transfers.cancel(t.id(), manager.caller()).state()).isEqualTo(Transfer.State.CANCELLED);
        assertThat(stock.of(from, manager.caller()).totalHere()).isEqualTo(4);
        assertThat(stock.of(workshop, manager.caller()).totalArriving()).isZero();
        assertThatThrownBy(() -> transfers.receive(t.id(), manager.caller()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.messageVi()).contains("đã được nhận hoặc đã huỷ"));
    }

    @Test
    void aDeviceRecycledOrLostNoLongerTravelsAndNothingOfTheTransferIsWritten() {
        long from = pointPlace();
        long workshop = places.create(
                        new Places.NewPlace(PlaceKind.WORKSHOP, "Xưởng quận", district, null, null), manager.caller())
                .id();
        // set by hand, as a restore or a fix in psql could: the transfer must still refuse it
        jdbc.sql("update inventory_item set status = 'RECYCLED' where tag = ?")
                .param(tags.get(1))
                .update();
        long before = jdbc.sql("select count(*) from inventory_transfer")
                .query(Long.class)
                .single();

        assertThatThrownBy(() -> transfers.send(
                        new Transfer.NewTransfer(from, workshop, List.of(tags.get(0), tags.get(1)), null),
                        null,
                        manager.caller()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.messageVi()).contains(tags.get(1), "thanh lý");
                    assertThat(e.messageEn()).contains("recycled");
                });
        assertThat(jdbc.sql("select count(*) from inventory_transfer")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(stock.of(from, manager.caller()).totalHere()).isEqualTo(4);
    }

    @Test
    void anotherDistrictsManagerCannotSeeOrMoveThePointsItems() throws Exception {
        long from = pointPlace();
        assertThatThrownBy(() -> stock.of(from, outsider.caller())).isInstanceOf(NotFoundException.class);
        assertThat(places.visible(outsider.caller())).noneMatch(p -> p.id() == from);
        mvc.perform(post("/api/v1/inventory/transfers")
                        .with(user(outsider))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"fromPlaceId": %d, "toPlaceId": %d, "tags": ["%s"]}""".formatted(from, from, tags.get(0))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/inventory/transfers")
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"fromPlaceId": %d, "toPlaceId": %d, "tags": []}""".formatted(from, from)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/inventory/places/{id}", from).with(user(manager))).andExpect(status().isOk());
    }

    @Test
    void twoPeopleSendingTheSameItemAtOnceLeaveOneTransferAndARacedRetryStillOne() throws Exception {
        long from = pointPlace();
        long workshop = places.create(
                        new Places.NewPlace(PlaceKind.WORKSHOP, "Xưởng chạy đua", null, team, null), manager.caller())
                .id();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Object>> outcomes = new java.util.ArrayList<>();
            for (AccountDetails who : List.of(manager, volunteer)) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return transfers.send(
                                new Transfer.NewTransfer(from, workshop, List.of(tags.get(0)), null),
                                null,
                                who.caller());
                    } catch (ConflictException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new java.util.ArrayList<>();
            for (var f : outcomes) {
                results.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn(Transfer.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(ConflictException.class::isInstance).hasSize(1);

            // the same Idempotency-Key posted twice at the same moment: one transfer, both answers name it
            String key = UUID.randomUUID().toString();
            String body = """
                    {"fromPlaceId": %d, "toPlaceId": %d, "tags": ["%s"]}""".formatted(from, workshop, tags.get(1));
            var again = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    again.await();
                    return mvc.perform(post("/api/v1/inventory/transfers")
                                    .with(user(manager))
                                    .header("Idempotency-Key", key)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(body))
                            .andReturn()
                            .getResponse()
                            .getContentAsString();
                }));
            }
            again.countDown();
            List<Object> ids = new java.util.ArrayList<>();
            for (var f : answers) {
                ids.add(JsonPath.read(f.get(30, java.util.concurrent.TimeUnit.SECONDS), "$.id"));
            }
            assertThat(ids.get(0)).isEqualTo(ids.get(1));
            assertThat(jdbc.sql("select count(*) from inventory_transfer where idempotency_key = ?")
                            .param(key)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1L);
        } finally {
            pool.shutdownNow();
        }
        PlaceStock.Stock atPoint = stock.of(from, manager.caller());
        assertThat(atPoint.totalHere()).isEqualTo(2);
        assertThat(atPoint.totalLeaving()).isEqualTo(2);
        assertThat(stock.of(workshop, manager.caller()).totalArriving()).isEqualTo(2);
    }

    @Test
    void theSchoolsOfficerSendsFromTheirPointToTheDistrictsWorkshopWhereTheTeamConfirms() throws Exception {
        long school = jdbc.sql("select school_id from collection_point where id = ?")
                .param(point)
                .query(Long.class)
                .single();
        AccountDetails officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null);
        long from = pointPlace();
        long workshop = places.create(
                        new Places.NewPlace(PlaceKind.WORKSHOP, "Xưởng Thủ Đức", null, team, null), manager.caller())
                .id();
        assertThat(places.visible(officer.caller())).extracting(Place::id).containsExactly(from);
        mvc.perform(get("/inventory/places/{id}", from).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Xưởng Thủ Đức")));
        String location = mvc.perform(post("/inventory/places/{id}/transfers", from)
                        .with(user(officer))
                        .with(csrf())
                        .param("to", String.valueOf(workshop))
                        .param("tags", tags.get(0) + "\n" + tags.get(1))
                        .param("key", UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location).with(user(officer))).andExpect(status().isOk());
        mvc.perform(post(location + "/receive").with(user(volunteer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(stock.of(workshop, volunteer.caller()).totalHere()).isEqualTo(2);
        assertThat(stock.of(from, officer.caller()).totalHere()).isEqualTo(2);
        // a bad tag on the page: the page again with the reason, nothing moved
        mvc.perform(post("/inventory/places/{id}/transfers", from)
                        .with(user(officer))
                        .with(csrf())
                        .param("to", String.valueOf(workshop))
                        .param("tags", "TBKHONGCO1")
                        .param("key", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("TBKHONGCO1")));
        assertThat(stock.of(from, officer.caller()).totalLeaving()).isZero();
    }

    @Test
    void aSerialReadAtInspectionIsNormalisedRecordedInTheHistoryAndFlaggedWhenKnown() throws Exception {
        // unique per run: the PostgreSQL test database keeps earlier runs' devices
        String serial = "5CG" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        mvc.perform(put("/api/v1/inventory/items/{t}/serial", tags.get(0))
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serial\": \" " + serial.toLowerCase().replace("5cg", "5cg ") + " \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.serial").value(serial))
                .andExpect(jsonPath("$.duplicate").value(false));
        mvc.perform(put("/api/v1/inventory/items/{t}/serial", tags.get(1))
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serial\": \"" + serial + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.others[0]").value(tags.get(0)));
        assertThat(inventory.byTag(tags.get(0)).orElseThrow().serialNumber()).isEqualTo(serial);
        assertThat(inventory.events(inventory.byTag(tags.get(0)).orElseThrow().id()))
                .extracting(Inventory.Event::note)
                .contains("Ghi số sê-ri " + serial);
        mvc.perform(put("/api/v1/inventory/items/{t}/serial", tags.get(3))
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serial\": \"123456789012345\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("serial.imei"));
        mvc.perform(put("/api/v1/inventory/items/{t}/serial", tags.get(0))
                        .with(user(outsider))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serial\": \"X\"}"))
                .andExpect(status().isNotFound());
    }
}
