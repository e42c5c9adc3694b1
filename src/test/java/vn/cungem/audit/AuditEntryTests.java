package vn.cungem.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.audit.DomainChange;

class AuditEntryTests {

    private static AuditEntry entry(Map<String, Object> before, Map<String, Object> after) {
        return new AuditEntry(
                1,
                OffsetDateTime.now(),
                1L,
                "A",
                1L,
                new DomainChange("campaign", "1", "UPDATED", 1L, before, after, null));
    }

    @Test
    void showsOnlyTheFieldsThatChanged() {
        AuditEntry e = entry(Map.of("name", "Cũ", "code", "TD-2021"), Map.of("name", "Mới", "code", "TD-2021"));
        assertThat(e.changes()).containsExactly(new AuditEntry.FieldChange("name", "Cũ", "Mới"));
    }

    @Test
    void showsAddedAndRemovedFields() {
        Map<String, Object> before = new HashMap<>();
        before.put("description", "x");
        AuditEntry e = entry(before, Map.of("reason", "y"));
        assertThat(e.changes())
                .extracting(AuditEntry.FieldChange::field)
                .containsExactlyInAnyOrder("description", "reason");
    }

    @Test
    void creationShowsEveryField() {
        AuditEntry e = entry(null, Map.of("a", 1, "b", List.of(2)));
        assertThat(e.changes()).hasSize(2);
    }
}
