package vn.cungem.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class AuditIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AuditLog log;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    long districtA;
    long districtB;
    AccountDetails managerA;
    AccountDetails managerB;
    String entityId;

    @BeforeEach
    void changes() {
        long province = fixtures.unit("Tỉnh Kiên Giang", "province", null);
        districtA = fixtures.unit("Huyện A", "district", province);
        districtB = fixtures.unit("Huyện B", "district", province);
        managerA = fixtures.manager(districtA);
        managerB = fixtures.manager(districtB);
        entityId = TestFixtures.unique("E");
        publishAs(
                managerA,
                DomainChange.updated(
                        "test_record",
                        entityId,
                        districtA,
                        Map.of("name", "Trường cũ", "count", 1),
                        Map.of("name", "Trường mới", "count", 1),
                        "Theo đề nghị của Phòng Giáo dục"));
    }

    private void publishAs(AccountDetails who, DomainChange change) {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(who, null, who.getAuthorities()));
        try {
            tx.executeWithoutResult(s -> events.publishEvent(change));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void recordsWhoChangedWhatWithBeforeAndAfter() {
        var history = log.history("test_record", entityId, managerA.caller());
        assertThat(history).hasSize(1);
        AuditEntry e = history.get(0);
        assertThat(e.actorAccountId()).isEqualTo(managerA.id());
        assertThat(e.actorUnitId()).isEqualTo(districtA);
        assertThat(e.unitId()).isEqualTo(districtA);
        assertThat(e.reason()).isEqualTo("Theo đề nghị của Phòng Giáo dục");
        assertThat(e.changes()).containsExactly(new AuditEntry.FieldChange("name", "Trường cũ", "Trường mới"));
    }

    @Test
    void anEntryRollsBackWithItsChange() {
        String rolledBack = TestFixtures.unique("R");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    events.publishEvent(DomainChange.created("test_record", rolledBack, districtA, Map.of("a", 1)));
                    throw new IllegalStateException("the change failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(log.search(
                                AuditFilter.forEntity("test_record", rolledBack),
                                fixtures.admin().caller(),
                                0)
                        .entries())
                .isEmpty();
        assertThatThrownBy(() ->
                        log.history("test_record", rolledBack, fixtures.admin().caller()))
                .isInstanceOf(vn.cungem.shared.NotFoundException.class);
    }

    @Test
    void searchIsLimitedToTheCallersSubtree() {
        AuditFilter byEntity = AuditFilter.forEntity("test_record", entityId);
        assertThat(log.search(byEntity, managerA.caller(), 0).entries()).hasSize(1);
        assertThat(log.search(byEntity, managerB.caller(), 0).entries()).isEmpty();
        assertThat(log.search(byEntity, fixtures.admin().caller(), 0).entries()).hasSize(1);
        long school = fixtures.school("Trường Tiểu học A", districtA);
        var officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null);
        assertThatThrownBy(() -> log.search(byEntity, officer.caller(), 0))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void searchFoldsTextAndFiltersByDateAndUnit() {
        AuditFilter folded = new AuditFilter(
                "theo de nghi cua phong giao duc", "test_record", null, "UPDATED", null, null, districtA);
        assertThat(log.search(folded, managerA.caller(), 0).entries())
                .extracting(AuditEntry::entityId)
                .contains(entityId);
        LocalDate today = LocalDate.now(vn.cungem.shared.text.Formats.VIETNAM);
        AuditFilter yesterday =
                new AuditFilter(null, "test_record", entityId, null, today.minusDays(2), today.minusDays(1), null);
        assertThat(log.search(yesterday, managerA.caller(), 0).entries()).isEmpty();
        AuditFilter around =
                new AuditFilter(null, "test_record", entityId, null, today.minusDays(1), today.plusDays(1), null);
        assertThat(log.search(around, managerA.caller(), 0).entries()).hasSize(1);
        AuditFilter otherUnit = new AuditFilter(null, "test_record", entityId, null, null, null, districtB);
        assertThat(log.search(otherUnit, fixtures.admin().caller(), 0).entries())
                .isEmpty();
    }

    @Test
    void pagesShowTheLogToManagersOnly() throws Exception {
        mvc.perform(get("/audit").param("q", entityId).with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("test_record #" + entityId)));
        mvc.perform(get("/audit").param("q", entityId).with(user(managerB)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("test_record #" + entityId))));
        long school = fixtures.school("Trường Tiểu học B", districtA);
        var officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null);
        mvc.perform(get("/audit").with(user(officer))).andExpect(status().isForbidden());
    }

    @Test
    void badFiltersGiveMessagesNotErrors() throws Exception {
        mvc.perform(get("/audit")
                        .param("from", "31/02/2021")
                        .param("to", "hôm qua")
                        .param("unit", "KHONG-CO")
                        .param("page", "-3")
                        .with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("dd/mm/yyyy")))
                .andExpect(content().string(Matchers.containsString("Không tìm thấy đơn vị có mã này.")));
        mvc.perform(get("/audit").param("page", "abc").with(user(managerA))).andExpect(status().isBadRequest());
    }

    @Test
    void historyPageAndFragmentShowTheDiff() throws Exception {
        mvc.perform(get("/audit/test_record/" + entityId).with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Trường cũ")))
                .andExpect(content().string(Matchers.containsString("Trường mới")));
        mvc.perform(get("/audit/test_record/" + entityId)
                        .param("fragment", "true")
                        .with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))))
                .andExpect(content().string(Matchers.containsString("Trường mới")));
        // out of scope is the same 404 as a record that does not exist
        mvc.perform(get("/audit/test_record/" + entityId).with(user(managerB)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.not(Matchers.containsString("Trường mới"))));
        mvc.perform(get("/audit/test_record/" + TestFixtures.unique("KHONG")).with(user(managerA)))
                .andExpect(status().isNotFound());
    }

    @Test
    void apiReadsInScopeAndHasNoWayToWrite() throws Exception {
        mvc.perform(get("/api/v1/audit")
                        .param("entityType", "test_record")
                        .param("entityId", entityId)
                        .with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].after.name").value("Trường mới"));
        mvc.perform(get("/api/v1/audit")
                        .param("entityType", "test_record")
                        .param("entityId", entityId)
                        .with(user(managerB)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries").isEmpty());
        mvc.perform(post("/api/v1/audit").with(user(managerA))).andExpect(status().isMethodNotAllowed());
    }
}
