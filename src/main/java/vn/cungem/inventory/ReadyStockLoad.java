package vn.cungem.inventory;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.shared.security.Caller;

/**
 * Puts devices already refurbished straight onto a school's shelf as ready, many at a time: for the demo (so a new
 * manager has something to allocate) and for the synthetic national data set of the benchmarks. The workshop's steps
 * (inspection, wiping, software) are not done by a person, which is why only the system may call it; each item gets
 * one public history line saying so, and the history lines and records of those steps the generator writes (a passed
 * inspection, a successful wipe after it arrived), so no data set holds a ready device without a wipe.
 */
@Service
public class ReadyStockLoad {

    /** {@code count} ready devices of one type waiting at one school. */
    public record Line(long schoolId, ItemType type, String description, int count) {}

    private final JdbcTemplate jdbc;

    private final vn.cungem.inventory.tally.ItemTallies tallies;

    ReadyStockLoad(JdbcTemplate jdbc, vn.cungem.inventory.tally.ItemTallies tallies) {
        this.jdbc = jdbc;
        this.tallies = tallies;
    }

    /** Returns how many items were added. */
    @Transactional
    public int add(long campaignId, List<Line> lines, String tagPrefix, Caller caller) {
        if (!caller.isAdmin()) {
            throw new org.springframework.security.access.AccessDeniedException("system only");
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                """
                insert into inventory_place (kind, school_id, unit_id, created_at)
                select 'SCHOOL', s.id, s.unit_id, ? from org_school s
                 where s.id in (%s) and not exists (select 1 from inventory_place p where p.school_id = s.id)""".formatted(String.join(
                        ",",
                        lines.stream()
                                .map(l -> Long.toString(l.schoolId()))
                                .distinct()
                                .toList())),
                now);
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from inventory_item", Long.class);
        long next = before + 1;
        List<Object[]> rows = new java.util.ArrayList<>();
        for (Line line : lines) {
            for (int i = 0; i < line.count(); i++) {
                rows.add(new Object[] {
                    tagPrefix + (next++),
                    campaignId,
                    line.type().name(),
                    line.description(),
                    now,
                    now,
                    now,
                    line.schoolId()
                });
            }
        }
        jdbc.batchUpdate("""
                insert into inventory_item (tag, campaign_id, item_type, item_condition, description, status,
                                            source_kind, unit_id, place_id, created_at, updated_at, owner_since)
                select ?, ?, ?, 'USED_WORKING', ?, 'READY', 'PURCHASE', p.unit_id, p.id, ?, ?, ?
                  from inventory_place p where p.school_id = ?""", rows);
        jdbc.update("""
                insert into inventory_item_event (item_id, occurred_on, status, note, unit_id, created_at)
                select i.id, ?, 'READY', ?, i.unit_id, ? from inventory_item i
                 where i.campaign_id = ? and i.tag like ? and not exists
                       (select 1 from inventory_item_event e where e.item_id = i.id)""", LocalDate.now(), null, now, campaignId, tagPrefix + "%");
        long history = jdbc.queryForObject("select coalesce(max(id), 0) from inventory_item_history", Long.class);
        JdbcClient client = JdbcClient.create(jdbc);
        StepRecords.path(
                client,
                ItemStatus.READY,
                vn.cungem.shared.text.Bundles.vi("inventory.ready-stock.actor"),
                now.toInstant(),
                "i.campaign_id = ? and i.id > ?",
                List.of(campaignId, before));
        StepRecords.write(client, history, campaignId, null);
        // the kept counts (V257) include the new shelf
        tallies.added("i.campaign_id = ? and i.id > ?", List.of(campaignId, before));
        return rows.size();
    }
}
