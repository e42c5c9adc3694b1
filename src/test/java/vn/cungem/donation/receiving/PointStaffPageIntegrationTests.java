package vn.cungem.donation.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.donation.CollectionPointStaff;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.InventoryTestPeople;
import vn.cungem.testsupport.TestFixtures;

/** Issue 13: managers assign and unassign a point's receiving staff on a page, picking teams and partners by name. */
@IntegrationTest
class PointStaffPageIntegrationTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountUserDetailsService accounts;

    @Autowired
    CollectionPointStaff staff;

    @Autowired
    MockMvc mvc;

    @Test
    void aManagerFindsATeamAndAPartnerByNameAssignsThemAndUnassignsOne() throws Exception {
        var data = new DonationTestData(jdbc);
        var people = new InventoryTestPeople(jdbc, fixtures, accounts);
        long city = fixtures.unit(TestFixtures.unique("Tỉnh "), "province", null);
        long district = fixtures.unit(TestFixtures.unique("Huyện "), "district", city);
        long sibling = fixtures.unit(TestFixtures.unique("Huyện "), "district", city);
        long campaign = data.campaign(district);
        long point = data.point(campaign, district, null);
        long team = people.team(district);
        long foreignTeam = people.team(sibling);
        long partner = people.partner(district);
        AccountDetails manager = fixtures.manager(district);
        String teamName = jdbc.sql("select name from volunteer_team where id = ?")
                .param(team)
                .query(String.class)
                .single();
        String foreignName = jdbc.sql("select name from volunteer_team where id = ?")
                .param(foreignTeam)
                .query(String.class)
                .single();
        String url = "/campaigns/{id}/points/{p}/staff";

        // typed without diacritics, found with them; a team outside the manager's scope is never offered
        String found = mvc.perform(
                        get(url, campaign, point).param("q", "doi it ao xanh").with(user(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(found).contains(teamName).doesNotContain(foreignName).contains("id=\"staff-empty\"");

        mvc.perform(post(url, campaign, point)
                        .param("teamId", String.valueOf(team))
                        .with(user(manager))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(url, campaign, point)
                        .param("teamId", String.valueOf(team))
                        .with(user(manager))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()); // again: the same assignment
        mvc.perform(post(url, campaign, point)
                        .param("partnerId", String.valueOf(partner))
                        .with(user(manager))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(staff.list(campaign, point, manager.caller())).hasSize(2);

        String page = mvc.perform(get(url, campaign, point).with(user(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"staffed\"").contains(teamName).contains("Hội LHPN");

        long teamAssignment = staff.list(campaign, point, manager.caller()).stream()
                .filter(a -> a.teamId() != null)
                .findFirst()
                .orElseThrow()
                .id();
        mvc.perform(post(url + "/{a}/remove", campaign, point, teamAssignment)
                        .with(user(manager))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(staff.list(campaign, point, manager.caller()))
                .singleElement()
                .satisfies(a -> assertThat(a.partnerId()).isEqualTo(partner));

        // neither both nor none: told on the page, nothing written
        mvc.perform(post(url, campaign, point).with(user(manager)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(staff.list(campaign, point, manager.caller())).hasSize(1);
        // a manager of another district, or a volunteer, cannot open the page
        mvc.perform(get(url, campaign, point).with(user(fixtures.manager(sibling))))
                .andExpect(status().isNotFound());
        mvc.perform(get(url, campaign, point).with(user(people.volunteer(team, district))))
                .andExpect(status().is4xxClientError());
    }
}
