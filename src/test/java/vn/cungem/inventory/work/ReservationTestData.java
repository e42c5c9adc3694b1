package vn.cungem.inventory.work;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.WipeMethod;
import vn.cungem.inventory.tally.ItemTallies;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
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
    private final ItemWork work;
    private final Wipes wipes;
    private final Caller volunteer;
    private final ItemTallies tallies;

    public ReservationTestData(WorkshopTestData workshop, TestFixtures fixtures, JdbcClient jdbc) {
        this.workshop = workshop;
        this.jdbc = jdbc;
        this.work = fixtures.bean(ItemWork.class);
        this.wipes = fixtures.bean(Wipes.class);
        this.tallies = fixtures.bean(ItemTallies.class);
        this.school = fixtures.school(TestFixtures.unique("Trường THCS "), workshop.district);
        this.volunteer = fixtures.account(Role.VOLUNTEER_TECHNICIAN, workshop.district, null, null)
                .caller();
    }

    /**
     * A device bought into the campaign, inspected and wiped for real (a release back to "ready" checks the wipe), then
     * put into "ready" by hand (with its kept counts): the software step and its profile are the workshop's tests'.
     */
    public long readyDevice(ItemType type) {
        String tag = workshop.device(type);
        work.move(tag, ItemMove.START_INSPECTION, null, null, null, volunteer);
        wipes.record(tag, new Wipes.NewWipe(WipeMethod.FACTORY_RESET, true, null), null, null, volunteer);
        long id = work.item(tag, Caller.SYSTEM).id();
        // the hand edit moves the kept counts like any change, so reservations find them right
        tallies.aroundItem(
                id,
                () -> jdbc.sql("update inventory_item set status = 'READY' where id = ?")
                        .param(id)
                        .update());
        return id;
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
