package vn.cungem.inventory.connectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.Receipts;
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.ItemConnectivity;
import vn.cungem.inventory.places.Places;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** Issue 13: SIMs, packages and Wi-Fi devices recorded, uploaded, updated by their operator, and paired with devices. */
@IntegrationTest
class ConnectivityIntegrationTests {

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
    Connections connections;

    @Autowired
    StatusChanges statuses;

    @Autowired
    Pairings pairings;

    @Autowired
    ConnectivityUploads uploads;

    @Autowired
    ItemConnectivity itemConnectivity;

    long district;
    long campaign;
    long point;
    long viettel;
    long otherOperator;
    AccountDetails manager;
    AccountDetails outsider;
    AccountDetails operatorUser;
    AccountDetails otherOperatorUser;
    AccountDetails officer;
    List<String> tags;

    @BeforeEach
    void setUp() {
        DonationTestData data = new DonationTestData(jdbc);
        long city = fixtures.unit("Thành phố Hồ Chí Minh", "province", null);
        district = fixtures.unit("Thành phố Thủ Đức", "district", city);
        outsider = fixtures.manager(fixtures.unit("Quận 3", "district", city));
        long school = fixtures.school("Trường THCS Linh Trung", district);
        campaign = data.campaign(district);
        point = data.point(campaign, district, school);
        manager = fixtures.manager(district);
        officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null);
        viettel = ConnectivityTestData.telecomPartner(jdbc, city);
        otherOperator = ConnectivityTestData.telecomPartner(jdbc, city);
        operatorUser = fixtures.account(Role.PARTNER_USER, null, null, viettel);
        otherOperatorUser = fixtures.account(Role.PARTNER_USER, null, null, otherOperator);
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
        tags = inventory.itemsOfReceipt(r.id()).stream()
                .map(Inventory.Item::tag)
                .toList();
    }

    private Connection sim(String phone, String iccid, Long partner, AccountDetails who) {
        return connections
                .record(
                        new Connections.Where(campaign, district, null, partner),
                        new Draft.Typed(
                                ConnectionKind.SIM,
                                "Viettel",
                                phone,
                                iccid,
                                "ST90",
                                "30GB",
                                null,
                                null,
                                null,
                                null,
                                null),
                        null,
                        who.caller())
                .connection();
    }

    @Test
    void aManagerRecordsASimThroughTheApiARetryAnswers200AndTheSameSimAgainIsRefused() throws Exception {
        String phone = ConnectivityTestData.viettelNumber();
        String iccid = ConnectivityTestData.iccid();
        String key = UUID.randomUUID().toString();
        String body = """
                {"campaignId": %d, "unitId": %d, "partnerId": %d, "kind": "SIM", "operator": "Viettel",
                 "phoneNumber": "%s", "serial": "%s", "packageName": "ST90", "allowance": "30GB",
                 "activatedOn": "01/09/2026", "expiresOn": "31/08/2027"}""".formatted(campaign, district, viettel, phone.substring(1), iccid);
        String created = mvc.perform(post("/api/v1/inventory/connectivity")
                        .with(user(manager))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.connection.phoneNumber").value(phone))
                .andExpect(jsonPath("$.connection.status").value("ACTIVATED"))
                .andExpect(jsonPath("$.connection.allowanceGb").value(30.0))
                .andExpect(jsonPath("$.history[0].action").value("RECORDED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int id = JsonPath.read(created, "$.connection.id");

        mvc.perform(post("/api/v1/inventory/connectivity")
                        .with(user(manager))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.connection.id").value(id));

        mvc.perform(post("/api/v1/inventory/connectivity")
                        .with(user(manager))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("connectivity.duplicate"));
        assertThat(jdbc.sql("select count(*) from inventory_connection where phone_number = ?")
                        .param(phone)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // another district's manager is told it exists, but not where
        assertThatThrownBy(() -> sim(phone, null, null, outsider)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> connections.get(id, outsider.caller())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badInputIsRefusedInBothLanguagesWithoutWritingAnything() throws Exception {
        mvc.perform(post("/api/v1/inventory/connectivity")
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"campaignId": %d, "unitId": %d, "kind": "SIM", "phoneNumber": "12",
                                 "serial": "8.98405E+18"}""".formatted(campaign, district)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Excel")));
        assertThatThrownBy(() -> connections.record(
                        new Connections.Where(campaign, district, null, null),
                        ConnectivityTestData.viettelSim(),
                        null,
                        outsider.caller()))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("connectivity.unit.invalid");
    }

    @Test
    void anOperatorsExportWithTitleRowsAndATwoLineBilingualHeaderIsRecordedWholeAndOnlyOnce() throws Exception {
        String a = ConnectivityTestData.viettelNumber();
        String b = ConnectivityTestData.viettelNumber();
        String ia = ConnectivityTestData.iccid();
        String ib = ConnectivityTestData.iccid();
        String csv = """
                TỔNG CÔNG TY VIỄN THÔNG VIETTEL - CHI NHÁNH TP HCM
                DANH SÁCH THUÊ BAO CẤP CHO CHƯƠNG TRÌNH "SÓNG VÀ MÁY TÍNH CHO EM"
                Ngày xuất: 05/12/2026
                STT,Số thuê bao,Số serial SIM,Gói cước,Dung lượng,Ngày kích hoạt,Hạn sử dụng,Trạng thái
                No.,Subscriber,ICCID,Package,Data allowance,Activation date,Expiry date,Status
                1,%s,%s,ST90,30GB/tháng,01/09/2026,31/08/2027,Đã kích hoạt
                2,%s,%s,ST90,1GB/ngày,,,Chưa kích hoạt
                """.formatted(a.substring(1), ia, b, ib);
        var file = new MockMultipartFile("file", "viettel.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/api/v1/inventory/connectivity/uploads")
                        .file(file)
                        .param("campaignId", Long.toString(campaign))
                        .param("unitId", Long.toString(district))
                        .param("partnerId", Long.toString(viettel))
                        .with(user(manager)))
                .andDo(r -> assertThat(r.getResponse().getStatus())
                        .as(r.getResponse().getContentAsString())
                        .isEqualTo(201))
                .andExpect(jsonPath("$.accepted").value(true))
                .andExpect(jsonPath("$.changed").value(2))
                .andExpect(jsonPath("$.warnings[0].row").value(6));
        Connection first = connections
                .list(new Connections.Filter(campaign, null, null, null, a), manager.caller(), null, null)
                .items()
                .get(0);
        assertThat(first.operator()).isEqualTo(Operator.VIETTEL);
        assertThat(first.serial()).isEqualTo(ia);
        assertThat(first.activatedOn()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(first.expiresOn()).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(first.status()).isEqualTo(ConnectionStatus.ACTIVATED);
        assertThat(first.partnerId()).isEqualTo(viettel);
        Connection second = connections
                .list(new Connections.Filter(campaign, null, null, null, b), manager.caller(), null, null)
                .items()
                .get(0);
        assertThat(second.allowanceGb()).isEqualByComparingTo("30");
        assertThat(second.status()).isEqualTo(ConnectionStatus.NOT_ACTIVATED);

        // the same file again: the first answer, nothing more written
        mvc.perform(multipart("/api/v1/inventory/connectivity/uploads")
                        .file(file)
                        .param("campaignId", Long.toString(campaign))
                        .param("unitId", Long.toString(district))
                        .param("partnerId", Long.toString(viettel))
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.repeated").value(true))
                .andExpect(jsonPath("$.changed").value(2));
        assertThat(jdbc.sql("select count(*) from inventory_connection where phone_number in (?, ?)")
                        .params(a, b)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aWorkbookWithNumbersAsNumbersAndOneBadRowIsRefusedWholeNamingTheRowInBothLanguages() throws Exception {
        String good = ConnectivityTestData.viettelNumber();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet ws = workbook.newWorksheet("Sheet1");
        ws.value(0, 0, "Danh sách SIM / SIM list");
        ws.value(2, 0, "Số điện thoại / Phone number");
        ws.value(2, 1, "Nhà mạng / Operator");
        ws.value(2, 2, "Dung lượng (GB/tháng)");
        ws.value(2, 3, "Hạn sử dụng / Expiry date");
        ws.value(3, 0, Long.parseLong(good));
        ws.value(3, 1, "Viettel");
        ws.value(3, 2, 4);
        ws.value(3, 3, 46249);
        ws.value(4, 0, 12345);
        ws.value(4, 1, "Viettel");
        ws.value(4, 2, 4);
        workbook.finish();

        var result = uploads.record(
                new Connections.Where(campaign, district, null, null),
                new ConnectivityUploads.Defaults(ConnectionKind.SIM, null),
                out.toByteArray(),
                null,
                manager.caller());
        assertThat(result.accepted()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(5);
            assertThat(p.vi()).contains("12345");
            assertThat(p.en()).contains("not valid");
        });
        assertThat(jdbc.sql("select count(*) from inventory_connection where phone_number = ?")
                        .param(good)
                        .query(Long.class)
                        .single())
                .as("all or nothing")
                .isZero();
    }

    @Test
    void anOperatorSeesAndUpdatesOnlyItsOwnSimsAndAWrongRowRefusesTheWholeFile() throws Exception {
        Connection mine = sim(ConnectivityTestData.viettelNumber(), ConnectivityTestData.iccid(), viettel, manager);
        Connection mine2 = sim(ConnectivityTestData.viettelNumber(), null, viettel, manager);
        Connection theirs = sim(ConnectivityTestData.viettelNumber(), null, otherOperator, manager);

        assertThat(connections
                        .list(new Connections.Filter(null, null, null, null, null), operatorUser.caller(), null, null)
                        .items())
                .extracting(Connection::id)
                .containsExactlyInAnyOrder(mine.id(), mine2.id());
        mvc.perform(get("/api/v1/inventory/connectivity/" + theirs.id()).with(user(operatorUser)))
                .andExpect(status().isNotFound());

        String bad = """
                Số thuê bao;ICCID;Trạng thái;Lý do;Ngày kích hoạt
                %s;;Đã kích hoạt;;02/09/2026
                %s;;Lỗi;;
                %s;;Đã kích hoạt;;
                """.formatted(mine.phoneNumber(), mine2.phoneNumber(), theirs.phoneNumber());
        var refused = uploads.statuses(bad.getBytes(StandardCharsets.UTF_8), null, operatorUser.caller());
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.problems())
                .extracting(ConnectivityUploads.RowNote::row)
                .containsExactly(3, 4);
        assertThat(refused.problems().get(1).en()).contains("not found among your SIMs");
        assertThat(connections.get(mine.id(), manager.caller()).status())
                .as("nothing applied")
                .isEqualTo(ConnectionStatus.NOT_ACTIVATED);

        String ok = """
                Số thuê bao;ICCID;Trạng thái;Lý do;Ngày kích hoạt
                ;%s;Đã kích hoạt;;02/09/2026
                %s;;Lỗi;Chưa đăng ký thông tin thuê bao;
                """.formatted(mine.serial(), mine2.phoneNumber());
        mvc.perform(post("/api/v1/inventory/connectivity/status-uploads")
                        .with(user(operatorUser))
                        .contentType("text/csv")
                        .content(ok.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.changed").value(2));
        Connection activated = connections.get(mine.id(), manager.caller());
        assertThat(activated.status()).isEqualTo(ConnectionStatus.ACTIVATED);
        assertThat(activated.activatedOn()).isEqualTo(LocalDate.of(2026, 9, 2));
        Connection problem = connections.get(mine2.id(), operatorUser.caller());
        assertThat(problem.status()).isEqualTo(ConnectionStatus.PROBLEM);
        assertThat(problem.problemReason()).isEqualTo("Chưa đăng ký thông tin thuê bao");
        assertThat(connections.history(mine2.id(), manager.caller()))
                .extracting(ConnectionStore.Line::action)
                .containsExactly("RECORDED", "STATUS");

        // the other operator cannot touch it, and a problem needs its reason
        assertThatThrownBy(() -> statuses.change(
                        mine.id(),
                        new StatusChanges.Change(ConnectionStatus.EXPIRED, null, null, null),
                        null,
                        null,
                        otherOperatorUser.caller()))
                .isInstanceOf(NotFoundException.class);
        mvc.perform(post("/api/v1/inventory/connectivity/" + mine.id() + "/status")
                        .with(user(operatorUser))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"PROBLEM\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("connectivity.reason.missing"));
        mvc.perform(post("/api/v1/inventory/connectivity/" + mine.id() + "/status")
                        .with(user(operatorUser))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"EXPIRED\", \"expiresOn\": \"2027-09-01\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.connection.status").value("EXPIRED"));
    }

    @Test
    void aSimIsPairedWithOneDeviceAtATimeAndADeviceTakesOneSimWithHistory() throws Exception {
        Connection a = sim(ConnectivityTestData.viettelNumber(), null, null, manager);
        Connection b = sim(ConnectivityTestData.viettelNumber(), null, null, manager);
        long laptop = inventory.byTag(tags.get(0)).orElseThrow().id();

        String key = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/inventory/connectivity/" + a.id() + "/pairing")
                        .with(user(manager))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tag\": \"" + tags.get(0).toLowerCase() + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.connection.pairedTag").value(tags.get(0)));
        mvc.perform(post("/api/v1/inventory/connectivity/" + a.id() + "/pairing")
                        .with(user(manager))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tag\": \"" + tags.get(0) + "\"}"))
                .andExpect(status().isOk());

        assertThat(itemConnectivity.of(laptop))
                .singleElement()
                .satisfies(p -> assertThat(p.phoneNumber()).isEqualTo(a.phoneNumber()));
        assertThatThrownBy(() -> pairings.pair(a.id(), tags.get(1), null, null, manager.caller()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(tags.get(0));
        assertThatThrownBy(() -> pairings.pair(b.id(), tags.get(0), null, null, manager.caller()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> pairings.pair(b.id(), tags.get(0), null, null, outsider.caller()))
                .isInstanceOf(NotFoundException.class);

        pairings.unpair(a.id(), null, null, manager.caller());
        pairings.pair(a.id(), tags.get(1), null, null, manager.caller());
        pairings.pair(b.id(), tags.get(0), null, null, manager.caller());
        assertThat(connections.history(a.id(), manager.caller()))
                .extracting(l -> l.action() + " " + (l.itemTag() == null ? "" : l.itemTag()))
                .containsExactly(
                        "RECORDED ", "PAIRED " + tags.get(0), "UNPAIRED " + tags.get(0), "PAIRED " + tags.get(1));
        assertThat(itemConnectivity.of(laptop))
                .extracting(ItemConnectivity.Paired::connectionId)
                .containsExactly(b.id());
    }

    @Test
    void collectionStaffRecordAtTheirPointAndSeeWhatTheyRecordedThere() {
        long pointPlace = places.forPoint(point);
        Connection c = connections
                .record(
                        new Connections.Where(campaign, null, pointPlace, null),
                        new Draft.Typed(
                                ConnectionKind.WIFI_DEVICE,
                                "Viettel",
                                null,
                                "zte mf920 " + TestFixtures.unique(""),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        null,
                        officer.caller())
                .connection();
        assertThat(c.unitId()).isEqualTo(district);
        assertThat(connections
                        .list(new Connections.Filter(null, null, null, null, null), officer.caller(), null, null)
                        .items())
                .extracting(Connection::id)
                .containsExactly(c.id());
        assertThat(connections
                        .list(new Connections.Filter(null, null, null, null, null), outsider.caller(), null, null)
                        .items())
                .extracting(Connection::id)
                .doesNotContain(c.id());
        assertThatThrownBy(() -> connections.record(
                        new Connections.Where(campaign, district, null, null),
                        ConnectivityTestData.viettelSim(),
                        null,
                        officer.caller()))
                .isInstanceOf(InvalidValueException.class);
    }
}
