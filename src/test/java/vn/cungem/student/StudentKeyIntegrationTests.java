package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.work.ReservationTestData;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * student_key (V370–V372) is kept one to one with student by the database itself, whatever writes the students: one
 * row inserted, many in one statement, a delete; an id never changes.
 */
@IntegrationTest
class StudentKeyIntegrationTests {

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

    @Test
    void everyStudentHasOneKeyAndEveryKeyOneStudent() {
        var data = new ReservationTestData(new WorkshopTestData(fixtures, jdbc, events, tx, inventory), fixtures, jdbc);
        long one = data.student("Nguyễn Văn Một");
        long two = data.student("Trần Thị Hai");
        assertThat(keys(List.of(one, two))).containsExactlyInAnyOrder(one, two);

        // many students in one statement (as the import's insert ... select): one key each
        long campaign = data.workshop.campaign;
        int copied = jdbc.sql("""
                        insert into student (campaign_id, school_id, unit_id, full_name, name_folded, name_sort,
                                             birth_date, gender, grade, categories, device_situation, connectivity,
                                             needs_device, needs_sim, needs_data, needs_wifi, priority_score, status,
                                             created_at, updated_at)
                        select campaign_id, school_id, unit_id, full_name || ' B', name_folded, name_sort, birth_date,
                               gender, grade, categories, device_situation, connectivity, needs_device, needs_sim,
                               needs_data, needs_wifi, priority_score, status, created_at, updated_at
                          from student where id in (?, ?)""").params(one, two).update();
        assertThat(copied).isEqualTo(2);
        List<Long> all = jdbc.sql("select id from student where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .list();
        assertThat(all).hasSize(4);
        assertThat(keys(all)).containsExactlyInAnyOrderElementsOf(all);

        // a student named by nothing is deleted, and the key with it
        tx.executeWithoutResult(
                s -> jdbc.sql("delete from student where id = ?").param(two).update());
        assertThat(keys(List.of(two))).isEmpty();

        // an id never changes (the key would be left behind)
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("update student set id = ? where id = ?")
                        .params(one + 1_000_000_000L, one)
                        .update()))
                .isInstanceOf(DataAccessException.class);
        assertThat(keys(List.of(one))).containsExactly(one);

        // the whole table, whatever the other tests wrote through the registry, the import or the generator
        assertThat(jdbc.sql("""
                        select count(*) from student s where not exists (select 1 from student_key k where k.id = s.id)""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from student_key k where not exists (select 1 from student s where s.id = k.id)""").query(Long.class).single()).isZero();
    }

    private List<Long> keys(List<Long> ids) {
        return jdbc.sql("select id from student_key where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }
}
