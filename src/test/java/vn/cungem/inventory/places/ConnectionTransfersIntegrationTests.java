package vn.cungem.inventory.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.InventoryTestPeople;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 13: SIMs, data packages and Wi-Fi devices move collection point → workshop → school in transfers, with sender
 * and receiver, and the count at each place (and on the way) stays right.
 */
@IntegrationTest
class ConnectionTransfersIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

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
    long school;
    long point;
    long pointPlace;
    long workshop;
    long schoolPlace;
    AccountDetails manager;
    AccountDetails volunteer;
    AccountDetails officer;
    List<String> sims;

    @BeforeEach
    void setUp() {
        DonationTestData data = new DonationTestData(jdbc);
        InventoryTestPeople people = new InventoryTestPeople(jdbc, fixtures, accounts);
        long city = fixtures.unit(TestFixtures.unique("Tỉnh "), "province", null);
        district = fixtures.unit(TestFixtures.unique("Huyện "), "district", city);
        long hostSchool = fixtures.school("Trường THCS Linh Trung", district);
        school = fixtures.school("Trường Tiểu học Linh Xuân", district);
        campaign = data.campaign(district);
        point = data.point(campaign, district, hostSchool);
        manager = fixtures.manager(district);
        long team = people.team(district);
        volunteer = people.volunteer(team, district);
        officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null);
        pointPlace = places.forPoint(point);
        workshop = places.create(
                        new Places.NewPlace(PlaceKind.WORKSHOP, "Xưởng IT áo xanh", null, team, null), manager.caller())
                .id();
        schoolPlace = places.create(new Places.NewPlace(PlaceKind.SCHOOL, null, null, null, school), manager.caller())
                .id();
        sims = List.of(sim(pointPlace), sim(pointPlace), sim(pointPlace));
    }

    /** A SIM recorded at the place; its 10-digit number (random: the PostgreSQL test database keeps earlier runs'). */
    private String sim(long place) {
        StringBuilder number = new StringBuilder("098");
        for (int i = 0; i < 7; i++) {
            number.append(ThreadLocalRandom.current().nextInt(10));
        }
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                        insert into inventory_connection (kind, operator, phone_number, status, campaign_id, unit_id,
                                                          place_id, created_at, updated_at)
                        values ('SIM', 'VIETTEL', ?, 'ACTIVATED', ?, ?, ?, ?, ?)""")
                .params(number.toString(), campaign, district, place, now, now)
                .update();
        return number.toString();
    }

    private static long sims(PlaceStock.Stock s) {
        return s.connectionsTotalHere();
    }

    @Test
    void simsGoFromThePointToTheWorkshopAndOnToASchoolWithTheCountRightAtEachPlace() throws Exception {
        String key = UUID.randomUUID().toString();
        // the second number as a person types it, in groups
        String spaced = sims.get(1).substring(0, 4) + " " + sims.get(1).substring(4, 7) + " "
                + sims.get(1).substring(7);
        String body = """
                {"fromPlaceId": %d, "toPlaceId": %d, "tags": [], "connections": ["%s", "%s"], "note": "SIM đi kèm"}""".formatted(pointPlace, workshop, sims.get(0), spaced);
        String created = mvc.perform(post("/api/v1/inventory/transfers")
                        .with(user(manager))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.connections.length()").value(2))
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
        assertThat(jdbc.sql("select count(*) from inventory_transfer_connection where transfer_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);

        PlaceStock.Stock atPoint = stock.of(pointPlace, manager.caller());
        assertThat(sims(atPoint)).isEqualTo(1);
        assertThat(atPoint.connectionsTotalLeaving()).isEqualTo(2);
        assertThat(stock.of(workshop, volunteer.caller()).connectionsTotalArriving())
                .isEqualTo(2);
        assertThat(sims(stock.of(workshop, volunteer.caller()))).isZero();

        // a SIM already on its way cannot leave again, and nothing of that transfer is written
        long before = jdbc.sql("select count(*) from inventory_transfer")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> transfers.send(
                        new Transfer.NewTransfer(
                                pointPlace, workshop, List.of(), null, List.of(sims.get(2), sims.get(0))),
                        null,
                        manager.caller()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.messageVi()).contains(sims.get(0)));
        assertThat(jdbc.sql("select count(*) from inventory_transfer")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(sims(stock.of(pointPlace, manager.caller()))).isEqualTo(1);

        // the workshop's volunteer confirms the arrival: the SIMs stand there, under the workshop's unit
        mvc.perform(post("/api/v1/inventory/transfers/{id}/receive", id).with(user(volunteer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RECEIVED"));
        assertThat(sims(stock.of(workshop, volunteer.caller()))).isEqualTo(2);
        assertThat(stock.of(workshop, volunteer.caller()).connectionsTotalArriving())
                .isZero();
        assertThat(stock.of(pointPlace, manager.caller()).connectionsTotalLeaving())
                .isZero();

        // workshop → school through the page, received by the school's officer
        String location = mvc.perform(post("/inventory/places/{id}/transfers", workshop)
                        .with(user(manager))
                        .with(csrf())
                        .param("to", String.valueOf(schoolPlace))
                        .param("tags", "")
                        .param("connections", sims.get(0))
                        .param("key", UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(sims.get(0))));
        mvc.perform(post(location + "/receive").with(user(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(sims(stock.of(schoolPlace, officer.caller()))).isEqualTo(1);
        assertThat(sims(stock.of(workshop, volunteer.caller()))).isEqualTo(1);
        assertThat(sims(stock.of(pointPlace, manager.caller()))).isEqualTo(1);
        mvc.perform(get("/inventory/places/{id}", schoolPlace).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("SIM, gói cước, bộ phát Wi-Fi ở đây: 1")));

        // each move is in the SIM's history: sent and received, twice
        assertThat(jdbc.sql("""
                                select count(*) from inventory_connection_history h
                                  join inventory_connection c on c.id = h.connection_id
                                 where c.phone_number = ? and h.action = 'TRANSFER'""").param(sims.get(0)).query(Long.class).single()).isEqualTo(4L);
    }

    @Autowired
    vn.cungem.donation.Receipts receipts;

    @Autowired
    vn.cungem.inventory.Inventory inventory;

    @Autowired
    vn.cungem.inventory.connectivity.Pairings pairings;

    /** A SIM paired with a laptop travels with it, named or not; cancelled, both come back. */
    @Test
    void aSimPairedWithADeviceGoesWithItsDevice() {
        var receipt = receipts.record(
                campaign,
                new vn.cungem.donation.Receipts.NewReceipt(
                        point,
                        null,
                        new vn.cungem.donation.Receipts.WalkIn(null, null, null, true),
                        null,
                        List.of(new vn.cungem.donation.Receipts.Line(
                                vn.cungem.campaign.ItemType.LAPTOP,
                                1,
                                vn.cungem.donation.ItemCondition.USED_WORKING,
                                null,
                                null,
                                null)),
                        null,
                        null),
                manager.caller());
        String laptop = inventory.itemsOfReceipt(receipt.id()).get(0).tag();
        long simId = jdbc.sql("select id from inventory_connection where phone_number = ?")
                .param(sims.get(2))
                .query(Long.class)
                .single();
        pairings.pair(simId, laptop, null, UUID.randomUUID().toString(), manager.caller());

        Transfer t = transfers.send(
                new Transfer.NewTransfer(pointPlace, workshop, List.of(laptop), null, List.of()),
                null,
                manager.caller());
        assertThat(t.connections()).containsExactly(sims.get(2));
        assertThat(jdbc.sql("select connection_count from inventory_transfer where id = ?")
                        .param(t.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(stock.of(pointPlace, manager.caller()).connectionsTotalLeaving())
                .isEqualTo(1);
        transfers.cancel(t.id(), manager.caller());
        assertThat(sims(stock.of(pointPlace, manager.caller()))).isEqualTo(3);

        // named as well as paired: carried once
        Transfer again = transfers.send(
                new Transfer.NewTransfer(pointPlace, workshop, List.of(laptop), null, List.of(sims.get(2))),
                null,
                manager.caller());
        assertThat(again.connections()).containsExactly(sims.get(2));
        transfers.receive(again.id(), volunteer.caller());
        assertThat(sims(stock.of(workshop, volunteer.caller()))).isEqualTo(1);
        assertThat(sims(stock.of(pointPlace, manager.caller()))).isEqualTo(2);
    }

    @Test
    void aCancelledTransferPutsTheSimsBackAndAnEmptyTransferIsRefusedInBothLanguages() throws Exception {
        Transfer t = transfers.send(
                new Transfer.NewTransfer(pointPlace, workshop, List.of(), null, List.of(sims.get(0))),
                null,
                manager.caller());
        assertThat(t.connections()).containsExactly(sims.get(0));
        assertThat(sims(stock.of(pointPlace, manager.caller()))).isEqualTo(2);
        transfers.cancel(t.id(), manager.caller());
        assertThat(sims(stock.of(pointPlace, manager.caller()))).isEqualTo(3);
        assertThat(stock.of(workshop, manager.caller()).connectionsTotalArriving())
                .isZero();

        mvc.perform(post("/api/v1/inventory/transfers")
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"fromPlaceId": %d, "toPlaceId": %d, "tags": [], "connections": []}""".formatted(pointPlace, workshop)))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(Matchers.containsString("SIM")));
    }
}
