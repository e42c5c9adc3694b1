package vn.cungem.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.identity.Accounts;
import vn.cungem.identity.VolunteerTeams;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.work.ItemWork;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;
import vn.cungem.volunteer.work.Hours;

/** Issue 13: a certificate of volunteering per volunteer and campaign, as a PDF, and the public check it links to. */
@IntegrationTest
class CertificatesIntegrationTests {

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
    VolunteerTeams teams;

    @Autowired
    Accounts accounts;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    ItemWork work;

    @Autowired
    Hours hours;

    @Autowired
    Campaigns campaigns;

    @Autowired
    MockMvc mvc;

    @Value("${cungem.base-url}")
    String baseUrl;

    @Test
    void theCertificateNamesTheVolunteerTeamUnitCampaignDevicesAndHoursAndItsCheckSaysTheSame() throws Exception {
        var data = new TeamTestData(fixtures, jdbc, events, tx, inventory, teams, accounts, users);
        AccountDetails an = data.technicianAccount("Lê Thị Ánh Dương", data.team.id());
        for (int i = 0; i < 3; i++) {
            String tag = data.workshop.device(ItemType.LAPTOP);
            work.move(tag, ItemMove.START_INSPECTION, null, null, null, an.caller());
        }
        hours.log(
                data.team.id(),
                new Hours.NewShift(data.workshop.campaign, LocalDate.now().minusDays(3), "2,5", null),
                null,
                an.caller());
        String url = "/volunteer/teams/{t}/members/{a}/certificates/{c}.pdf";

        byte[] pdf = mvc.perform(get(url, data.team.id(), an.id(), data.workshop.campaign)
                        .with(user(an)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = DonationTestData.pdfText(pdf).replaceAll("\\s+", " ");
        assertThat(text)
                .contains("Giấy chứng nhận tình nguyện")
                .contains("Lê Thị Ánh Dương")
                .contains(data.team.name())
                .contains(data.team.unitName())
                .contains(campaigns.nameOf(data.workshop.campaign))
                .contains("Thiết bị đã xử lý 3")
                .contains("Số giờ tình nguyện 2.5");
        Matcher link = Pattern.compile(Pattern.quote(baseUrl) + "/public/volunteer-certificates/([0-9A-Z]{10})")
                .matcher(text);
        assertThat(link.find()).as(text).isTrue();
        String code = link.group(1);

        // printed again by the team's manager with the same figures: the same certificate
        byte[] again = mvc.perform(get(url, data.team.id(), an.id(), data.workshop.campaign)
                        .with(user(data.managerAccount)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(DonationTestData.pdfText(again)).contains(code);
        assertThat(jdbc.sql("select count(*) from volunteer_certificate where account_id = ?")
                        .param(an.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        // the public check, without signing in
        String page = mvc.perform(get("/public/volunteer-certificates/{c}", code.toLowerCase()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Lê Thị Ánh Dương").contains(data.team.name()).contains(">3<");
        mvc.perform(get("/public/volunteer-certificates/{c}", "KHONGCO2345")).andExpect(status().isNotFound());
        mvc.perform(get("/public/volunteer-certificates/{c}", "<script>")).andExpect(status().isNotFound());
    }

    @Test
    void noCertificateForACampaignWithoutWorkNorForSomeoneOutsideTheTeamsScope() throws Exception {
        var data = new TeamTestData(fixtures, jdbc, events, tx, inventory, teams, accounts, users);
        AccountDetails an = data.technicianAccount("Lê Văn An", data.team.id());
        String url = "/volunteer/teams/{t}/members/{a}/certificates/{c}.pdf";
        mvc.perform(get(url, data.team.id(), an.id(), data.workshop.campaign).with(user(an)))
                .andExpect(status().is4xxClientError());

        work.move(data.workshop.device(ItemType.LAPTOP), ItemMove.START_INSPECTION, null, null, null, an.caller());
        long sibling = fixtures.unit(TestFixtures.unique("Huyện "), "district", data.workshop.city);
        mvc.perform(get(url, data.team.id(), an.id(), data.workshop.campaign).with(user(fixtures.manager(sibling))))
                .andExpect(status().isNotFound());
        // a teammate shares the queue, not a colleague's record or certificate
        AccountDetails binh = data.technicianAccount("Phạm Bình", data.team.id());
        mvc.perform(get(url, data.team.id(), an.id(), data.workshop.campaign).with(user(binh)))
                .andExpect(status().isNotFound());
        mvc.perform(get(url, data.team.id(), an.id(), data.workshop.campaign).with(user(an)))
                .andExpect(status().isOk());
    }
}
