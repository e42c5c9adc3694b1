package vn.cungem.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.Reservations;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** The phone's JSON endpoint and the pages, as the browser reaches them: answers in JSON, never an error page. */
@IntegrationTest
class HandoverPagesIntegrationTests {

    /** Keys of this run: a PostgreSQL test database keeps the records of earlier runs, and a key is unique. */
    final String run = TestFixtures.unique("k");

    @Autowired
    MockMvc mvc;

    @Autowired
    Handovers handovers;

    @Autowired
    Reservations reservations;

    @Autowired
    Inventory inventory;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    HandoverTestData data;
    AccountDetails volunteer;
    long lan;
    long huy;
    long batch;

    @BeforeEach
    void setUp() {
        data = new HandoverTestData(fixtures, jdbc, publisher, tx, inventory, reservations);
        volunteer = fixtures.account(Role.VOLUNTEER_TECHNICIAN, data.district(), null, null);
        var scheduled = data.scheduleTwo(handovers, Batch.PlaceKind.HOME, "Ấp 3");
        lan = scheduled.lan();
        huy = scheduled.huy();
        batch = scheduled.batch();
    }

    private long entryOf(long student) {
        return data.entryOf(handovers, batch, student);
    }

    private String body(String tag) {
        return """
                {"tags": ["%s"], "guardianName": "Trần Văn Bố", "guardianRelation": "Cha",
                 "signature": "%s", "madeOffline": true}""".formatted(tag, HandoverTestData.signature());
    }

    @Test
    void theQueuedRecordIsIdempotentAndItsRefusalsAreJsonTheVolunteerCanRead() throws Exception {
        String url = "/handover/entries/" + entryOf(lan) + "/record";
        mvc.perform(post(url)
                        .with(user(volunteer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", run + "-wrong")
                        .content(body(data.tagOf(huy))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("handover.not-for-student"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString(data.tagOf(huy))));
        mvc.perform(post(url)
                        .with(user(volunteer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", run + "-broken")
                        .content("{\"tags\": \"not a list\", \"madeOffline\": null"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));

        String first = mvc.perform(post(url)
                        .with(user(volunteer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", run + "-right")
                        .content(body(data.tagOf(lan))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String again = mvc.perform(post(url)
                        .with(user(volunteer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", run + "-right")
                        .content(body(data.tagOf(lan))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(again).isEqualTo(first).contains("BG-");
        assertThat(jdbc.sql("select count(*) from handover_record where student_id = ?")
                        .param(lan)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private String madeAt(String tag, java.time.OffsetDateTime at) {
        return """
                {"tags": ["%s"], "guardianName": "Trần Văn Bố", "guardianRelation": "Cha",
                 "signature": "%s", "madeOffline": true, "madeAt": "%s"}""".formatted(tag, HandoverTestData.signature(), at);
    }

    @Test
    void theApiDatesAnOfflineRecordWhenThePhoneMadeItAndRefusesAClockThatIsWrong() throws Exception {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7));
        // the batch was scheduled three days ago; the phone made the record two days ago and sends it only now
        jdbc.sql("update handover_batch set created_at = ? where id = ?")
                .params(now.minusDays(3), batch)
                .update();
        String url = "/api/v1/handover/entries/" + entryOf(lan) + "/record";
        mvc.perform(post(url)
                        .with(user(volunteer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", run + "-future")
                        .content(madeAt(data.tagOf(lan), now.plusHours(2))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("handover.made-in-future"));
        mvc.perform(post(url)
                        .with(user(volunteer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", run + "-before")
                        .content(madeAt(data.tagOf(lan), now.minusDays(4))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("handover.made-before-batch"));
        assertThat(reservations.byTag(data.tagOf(lan)).orElseThrow().status().name())
                .isEqualTo("RESERVED");

        java.time.OffsetDateTime made = now.minusDays(2).withNano(0);
        mvc.perform(post(url)
                        .with(user(volunteer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", run + "-made")
                        .content(madeAt(data.tagOf(lan), made)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.handedOn").value(made.toLocalDate().toString()))
                .andExpect(jsonPath("$.madeOffline").value(true));
        var stored = jdbc.sql("select made_at, created_at, handed_on from handover_record where student_id = ?")
                .param(lan)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, java.time.OffsetDateTime.class),
                    rs.getObject(2, java.time.OffsetDateTime.class),
                    rs.getObject(3, java.time.LocalDate.class)
                })
                .single();
        assertThat(((java.time.OffsetDateTime) stored[0]).toInstant()).isEqualTo(made.toInstant());
        assertThat(((java.time.OffsetDateTime) stored[1]).toInstant())
                .isAfter(now.minusMinutes(5).toInstant());
        assertThat(stored[2]).isEqualTo(made.toLocalDate());
        String page = mvc.perform(get("/handover/records/"
                                + handovers.records(batch, data.manager).get(0).number())
                        .with(user(volunteer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("record-received");
    }

    @Test
    void thePagesOpenForTheirRolesAndHideTheChildFromVolunteers() throws Exception {
        String today = mvc.perform(get("/handover/today").with(user(volunteer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(today).contains(data.tagOf(lan)).doesNotContain("Nguyễn Thị Lan");
        String entry = mvc.perform(get("/handover/entries/" + entryOf(lan)).with(user(volunteer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(entry)
                .contains("signature_pad")
                .doesNotContain("Nguyễn Thị Lan")
                .doesNotContain("12 Lê Lợi");
        String office = mvc.perform(get("/handover/batches/" + batch).with(user(fixtures.manager(data.district()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(office).contains("Nguyễn Thị Lan").contains("12 Lê Lợi");
        mvc.perform(get("/handover/guide/LAPTOP").with(user(volunteer))).andExpect(status().isOk());
        mvc.perform(get("/handover/guide/CASH").with(user(volunteer))).andExpect(status().isNotFound());
        mvc.perform(get("/handover").with(user(volunteer))).andExpect(status().isOk());
    }
}
