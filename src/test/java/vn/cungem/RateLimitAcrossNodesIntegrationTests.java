package vn.cungem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.CollectionPoint;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.pledge.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The rate limits hold across application nodes: node A (this test's context) and node B (a second application started
 * on a random port) share only the database, and a limit reached through one of them is reached on the other.
 *
 * <p>Both nodes see every request as coming from 127.0.0.1; so that buckets filled by earlier runs on the same
 * PostgreSQL database do not count, the limits' periods are drawn at random for each run (a bucket's key holds its
 * limit's numbers).
 */
@IntegrationTest
class RateLimitAcrossNodesIntegrationTests {

    private static final long LOOKUP_PERIOD = 3600 + ThreadLocalRandom.current().nextInt(100_000);
    private static final long PLEDGE_PERIOD = 3600 + ThreadLocalRandom.current().nextInt(100_000);
    private static final List<String> LIMITS = List.of(
            "cungem.rate-limits.lookup-per-client.capacity=4",
            "cungem.rate-limits.lookup-per-client.period=" + LOOKUP_PERIOD + "s",
            "cungem.rate-limits.pledge-per-email.capacity=2",
            "cungem.rate-limits.pledge-per-email.period=" + PLEDGE_PERIOD + "s",
            "cungem.rate-limits.pledge-per-client.capacity=1000",
            "cungem.rate-limits.pledge-per-client.period=" + PLEDGE_PERIOD + "s");

    private static ConfigurableApplicationContext nodeB;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void sameLimitsOnNodeA(DynamicPropertyRegistry registry) {
        for (String limit : LIMITS) {
            String[] nameValue = limit.split("=", 2);
            registry.add(nameValue[0], () -> nameValue[1]);
        }
    }

    @BeforeAll
    static void startNodeB() {
        String[] args = Stream.concat(
                        Stream.of("--server.port=0"), LIMITS.stream().map(l -> "--" + l))
                .toArray(String[]::new);
        nodeB = CungEmApplication.application().run(args);
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Autowired
    MockMvc nodeA;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Campaigns campaigns;

    @Autowired
    CollectionPoints points;

    @Test
    void lookUpsFromOneAddressAreCountedOnceAcrossBothNodes() throws Exception {
        for (int i = 0; i < 2; i++) {
            nodeA.perform(get("/api/v1/public/track/CE0000000")).andExpect(status().isNotFound());
            assertThat(nodeB(HttpRequest.newBuilder(nodeB("/api/v1/public/track/CE0000000")))
                            .statusCode())
                    .isEqualTo(404);
        }

        nodeA.perform(get("/api/v1/public/track/CE0000000"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        HttpResponse<String> refused = nodeB(HttpRequest.newBuilder(nodeB("/api/v1/public/track/CE0000000")));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("\"code\":\"rate-limited\"");
    }

    @Test
    void pledgeConfirmationsToOneEmailAreCountedOnceAcrossBothNodes() throws Exception {
        long province = fixtures.unit("Tỉnh Hai Máy " + TestFixtures.unique(""), "province", null);
        long district = fixtures.unit("Quận Hai Máy", "district", province);
        long ward = fixtures.unit("Phường Hai Máy", "commune", district);
        AccountDetails manager = fixtures.manager(district);
        Campaign campaign = DonationTestData.activeCampaign(campaigns, district, manager.caller());
        CollectionPoint point = DonationTestData.point(points, campaign.id(), ward, manager.caller());
        String victim = TestFixtures.unique("hai.may").toLowerCase(Locale.ROOT) + "@example.vn";
        String pledge = """
                {"campaignId": %d, "collectionPointId": %d, "expectedOn": "%s",
                 "lines": [{"itemType": "LAPTOP", "quantity": 1, "condition": "USED_WORKING"}],
                 "donor": {"kind": "INDIVIDUAL", "name": "Phạm Thị Lan", "phone": "0931.771.213", "email": "%s"}}""".formatted(campaign.id(), point.id(), DonationTestData.TODAY.plusDays(3), victim);

        nodeA.perform(post("/api/v1/public/pledges")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(pledge))
                .andExpect(status().isCreated());
        assertThat(nodeB(pledgeRequest(pledge)).statusCode()).isEqualTo(201);

        assertThat(nodeB(pledgeRequest(pledge)).statusCode()).isEqualTo(429);
        nodeA.perform(post("/api/v1/public/pledges")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(pledge))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }

    private static HttpRequest.Builder pledgeRequest(String json) {
        return HttpRequest.newBuilder(nodeB("/api/v1/public/pledges"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static URI nodeB(String path) {
        return URI.create("http://127.0.0.1:" + nodeB.getEnvironment().getProperty("local.server.port") + path);
    }

    private static HttpResponse<String> nodeB(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
