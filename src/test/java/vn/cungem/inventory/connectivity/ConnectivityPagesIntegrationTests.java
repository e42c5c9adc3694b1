package vn.cungem.inventory.connectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;

/** The pages: a manager records and pairs a SIM, a form sent twice records once, an operator uploads statuses. */
@IntegrationTest
class ConnectivityPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    vn.cungem.testsupport.TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inventory inventory;

    @Autowired
    Connections connections;

    WorkshopTestData data;
    AccountDetails manager;
    String tag;

    @BeforeEach
    void setUp() {
        data = new WorkshopTestData(fixtures, jdbc, events, tx, inventory);
        tag = data.device(ItemType.LAPTOP);
        manager = fixtures.manager(data.district);
    }

    @Test
    void aManagerRecordsASimOnThePageASecondSendRecordsNothingAndPairsItWithALaptop() throws Exception {
        String phone = ConnectivityTestData.viettelNumber();
        String key = UUID.randomUUID().toString();
        var form = post("/inventory/connectivity")
                .with(user(manager))
                .with(csrf())
                .param("key", key)
                .param("campaignId", Long.toString(data.campaign))
                .param("unitId", Long.toString(data.district))
                .param("kind", "SIM")
                .param("phoneNumber", phone)
                .param("packageName", "ST90")
                .param("allowance", "30GB")
                .param("expiresOn", "2027-08-31");
        String location = mvc.perform(form)
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/inventory/connectivity/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(mvc.perform(form).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo(location);
        assertThat(jdbc.sql("select count(*) from inventory_connection where phone_number = ?")
                        .param(phone)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        mvc.perform(get(location).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(phone)))
                .andExpect(content().string(containsString("Viettel")))
                .andExpect(content().string(containsString("31/08/2027")));

        mvc.perform(post(location + "/pair")
                        .with(user(manager))
                        .with(csrf())
                        .param("key", UUID.randomUUID().toString())
                        .param("tag", "nope-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Không tìm thấy thiết bị")));
        mvc.perform(post(location + "/pair")
                        .with(user(manager))
                        .with(csrf())
                        .param("key", UUID.randomUUID().toString())
                        .param("tag", tag))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(user(manager))).andExpect(content().string(containsString(tag)));

        mvc.perform(get("/inventory/connectivity")
                        .param("q", phone.substring(3))
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(phone)))
                .andExpect(content().string(containsString(tag)));
    }

    @Test
    void anOperatorUploadsStatusesOnThePageAndAFileWithProblemsListsThem() throws Exception {
        long partner = ConnectivityTestData.telecomPartner(jdbc, data.city);
        AccountDetails operator = fixtures.account(Role.PARTNER_USER, null, null, partner);
        String phone = ConnectivityTestData.viettelNumber();
        connections.record(
                new Connections.Where(data.campaign, data.district, null, partner),
                new Draft.Typed(ConnectionKind.SIM, "Viettel", phone, null, null, null, null, null, null, null, null),
                null,
                manager.caller());

        mvc.perform(get("/inventory/connectivity").with(user(operator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(phone)))
                .andExpect(content().string(containsString("status-uploads")))
                .andExpect(content().string(not(containsString("name=\"phoneNumber\""))));

        String bad = "Số thuê bao,Trạng thái\n%s,Lỗi\n".formatted(phone);
        mvc.perform(multipart("/inventory/connectivity/status-uploads")
                        .file(new MockMultipartFile("file", "tt.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(user(operator))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dòng 2")))
                .andExpect(content().string(containsString("hãy ghi lý do")));

        String ok = "Số thuê bao,Trạng thái\n%s,Đã kích hoạt\n".formatted(phone);
        mvc.perform(multipart("/inventory/connectivity/status-uploads")
                        .file(new MockMultipartFile("file", "tt.csv", "text/csv", ok.getBytes(StandardCharsets.UTF_8)))
                        .with(user(operator))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã ghi 1 trên 1 dòng")));
    }
}
