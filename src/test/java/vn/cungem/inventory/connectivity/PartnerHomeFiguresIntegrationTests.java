package vn.cungem.inventory.connectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * A partner's home page (issue 12) says what it supplied and what became of it: its own SIMs by where each stands,
 * never another operator's.
 */
@IntegrationTest
class PartnerHomeFiguresIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

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

    @Test
    void anOperatorSeesItsOwnSimsByWhereEachStands() throws Exception {
        WorkshopTestData data = new WorkshopTestData(fixtures, jdbc, events, tx, inventory);
        AccountDetails manager = fixtures.manager(data.district);
        long viettel = ConnectivityTestData.telecomPartner(jdbc, data.city);
        long other = ConnectivityTestData.telecomPartner(jdbc, data.city);
        for (long partner : new long[] {viettel, viettel, other}) {
            connections.record(
                    new Connections.Where(data.campaign, data.district, null, partner),
                    ConnectivityTestData.viettelSim(),
                    null,
                    manager.caller());
        }
        AccountDetails operator = fixtures.account(Role.PARTNER_USER, null, null, viettel);

        String page = mvc.perform(get("/dashboard").with(user(operator)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains("2 SIM, gói cước, thiết bị Wi-Fi đơn vị bạn cung cấp chưa kích hoạt")
                .contains("0 SIM, gói cước, thiết bị Wi-Fi đang gặp sự cố")
                .contains("/inventory/connectivity?status=NOT_ACTIVATED")
                .doesNotContain("đang hoạt động");
    }
}
