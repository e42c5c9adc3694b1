package vn.cungem.inventory.work;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import vn.cungem.campaign.ItemType;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.testsupport.TestFixtures;

/**
 * Ready devices and approved students for reservation and handover tests: the workshop's campaign, a school in its
 * district, and students written as an approved row (their own module's rules are tested there).
 */
public final class ReservationTestData {

    public final WorkshopTestData workshop;
    public final long school;
    private final JdbcClient jdbc;

    public ReservationTestData(WorkshopTestData workshop, TestFixtures fixtures, JdbcClient jdbc) {
        this.workshop = workshop;
        this.jdbc = jdbc;
        this.school = fixtures.school(TestFixtures.unique("Trường THCS "), workshop.district);
    }

    /**
     * The callers' form (ReservationsIntegrationTests, ItemWorkIntegrationTests) as committed on main; the work and
     * wipe services are not needed while {@link #readyDevice} writes the status directly.
     */
    public ReservationTestData(
            WorkshopTestData workshop, TestFixtures fixtures, JdbcClient jdbc, ItemWork work, Wipes wipes) {
        this(workshop, fixtures, jdbc);
    }

    /** A device bought into the campaign and put straight into "ready" (its refurbishing is the workshop's tests'). */
    public long readyDevice(ItemType type) {
        String tag = workshop.device(type);
        jdbc.sql("update inventory_item set status = 'READY' where tag = ?")
                .param(tag)
                .update();
        return jdbc.sql("select id from inventory_item where tag = ?")
                .param(tag)
                .query(Long.class)
                .single();
    }

    public String tagOf(long itemId) {
        return jdbc.sql("select tag from inventory_item where id = ?")
                .param(itemId)
                .query(String.class)
                .single();
    }

    /** An approved student of the school. */
    public long student(String name) {
        OffsetDateTime now = OffsetDateTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into student (campaign_id, school_id, unit_id, full_name, name_folded, name_sort,
                                             birth_date, gender, grade, categories, device_situation, connectivity,
                                             needs_device, needs_sim, needs_data, needs_wifi, priority_score, status,
                                             created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'FEMALE', 7, 'POOR', 'NONE', 'NONE', true, true, false, false,
                                50, 'APPROVED', ?, ?)""")
                .params(
                        workshop.campaign,
                        school,
                        workshop.district,
                        name,
                        VietnameseText.fold(name),
                        VietnameseText.sortKey(name),
                        LocalDate.of(2009, 9, 5),
                        now,
                        now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
