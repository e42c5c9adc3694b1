package vn.cungem.demo.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.StudentFilter;
import vn.cungem.student.Students;
import vn.cungem.student.internal.StudentTallies;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** The generator's students land in the registry as registered ones would: listed, counted, with their history. */
@IntegrationTest
class SyntheticStudentsIntegrationTests {

    @Autowired
    SyntheticData synthetic;

    @Autowired
    SyntheticStudents syntheticStudents;

    @Autowired
    StudentTallies tallies;

    @Autowired
    Students students;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsTheGeneratedStudentsWithTheirHistoryAndCounts() {
        DataGenerator generator = new DataGenerator(7L, Scale.TINY, TestFixtures.unique("T"));
        SyntheticNation nation = generator.nation();
        SyntheticData.LoadResult units = synthetic.load(nation);
        long root = units.unitIds().get(generator.rootCode());

        SyntheticStudents.Loaded loaded = syntheticStudents.load(generator, nation, root, units.unitIds());

        assertThat(loaded.students()).isEqualTo(Scale.TINY.students);
        assertThat(tallies.differences(loaded.campaignId())).isEmpty();
        var page = students.list(StudentFilter.campaign(loaded.campaignId()), Caller.SYSTEM);
        assertThat(page.total()).isEqualTo(Scale.TINY.students);
        assertThat(page.countsExact()).isTrue();
        long approved = jdbc.sql("select count(*) from student where campaign_id = ? and status = 'APPROVED'")
                .param(loaded.campaignId())
                .query(Long.class)
                .single();
        // registered, proposed, approved: three lines for each approved student
        long approvedLines =
                jdbc.sql("""
                        select count(*) from student_status_change h join student s on s.id = h.student_id
                        where s.campaign_id = ? and s.status = 'APPROVED'""").param(loaded.campaignId()).query(Long.class).single();
        assertThat(approved).isPositive();
        assertThat(approvedLines).isEqualTo(3 * approved);
    }
}
