package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cungem.demo.DemoAllocationScenario;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** The plan pages' batch of names: whole for a reader who covers the child, masked for others, none for other roles. */
@IntegrationTest
class StudentNamesIntegrationTests {

    @Autowired
    StudentNames names;

    @Autowired
    Students students;

    @Autowired
    TestFixtures fixtures;

    @Test
    void showsNamesWholeOnlyToReadersWhoCoverTheChildAndNothingToOtherRoles() {
        DemoAllocationScenario.Scenario demo = DemoAllocationScenario.seed(fixtures);
        List<StudentRow> rows = students.list(StudentFilter.campaign(demo.campaignId()), Caller.SYSTEM)
                .rows();
        assertThat(rows).isNotEmpty();
        List<Long> ids = new ArrayList<>(rows.stream().map(StudentRow::id).toList());
        long missing = ids.stream().mapToLong(Long::longValue).max().orElseThrow() + 1_000_000;
        ids.add(missing);

        Map<Long, StudentNames.Name> own = names.of(ids, demo.manager().caller());
        assertThat(own).hasSize(rows.size()).doesNotContainKey(missing);
        for (StudentRow row : rows) {
            assertThat(own.get(row.id())).isEqualTo(new StudentNames.Name(row.name(), false));
        }

        long elsewhere = fixtures.unit("Huyện Nhà Bè", "district", null);
        Map<Long, StudentNames.Name> sibling =
                names.of(ids, fixtures.manager(elsewhere).caller());
        for (StudentRow row : rows) {
            assertThat(sibling.get(row.id())).isEqualTo(new StudentNames.Name(MaskedName.of(row.name()), true));
        }

        Caller volunteer = fixtures.account(Role.VOLUNTEER_TECHNICIAN, demo.city(), null, null)
                .caller();
        assertThat(names.of(ids, volunteer)).isEmpty();
        assertThat(names.of(List.of(), demo.manager().caller())).isEmpty();
    }
}
