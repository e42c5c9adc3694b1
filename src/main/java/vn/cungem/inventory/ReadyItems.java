package vn.cungem.inventory;

import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.ItemType;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;

/**
 * The ready items of a campaign as allocation plans them (issue 14), streamed: a national campaign has hundreds of
 * thousands. An item travelling between two places is not ready to plan (it is nowhere yet); SIMs, data packages and
 * Wi-Fi devices recorded in {@code inventory.connectivity} count only through the device they are paired with.
 */
@Service
public class ReadyItems {

    /**
     * One ready item: where it waits ({@code schoolId}: the school, or the host school of its collection point, null
     * for a workshop; {@code unitId}: the unit of that place) and whether a SIM or Wi-Fi device is already paired with
     * it.
     */
    public record Ready(
            long id,
            String tag,
            ItemType type,
            String description,
            Long schoolId,
            long unitId,
            boolean pairedConnectivity) {}

    private final JdbcTemplate jdbc;
    private final UnitScopes scopes;

    ReadyItems(JdbcTemplate jdbc, UnitScopes scopes) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(10_000);
        this.scopes = scopes;
    }

    /**
     * The students who already hold a device of the campaign (reserved for them or handed over): a new plan leaves them
     * out, so an approved plan never gives a student a second device.
     */
    @Transactional(readOnly = true)
    public void forEachHolder(long campaignId, java.util.function.LongConsumer sink) {
        jdbc.query(
                """
                select distinct student_id from inventory_item
                 where campaign_id = ? and student_id is not null
                   and item_type in ('LAPTOP', 'DESKTOP_SET', 'TABLET', 'SMARTPHONE')""",
                rs -> {
                    sink.accept(rs.getLong(1));
                },
                campaignId);
    }

    /** Every ready item of the campaign in the caller's units, in id order. */
    @Transactional(readOnly = true)
    public void forEachReady(long campaignId, Caller caller, Consumer<Ready> sink) {
        jdbc.query(
                """
                select i.id, i.tag, i.item_type, i.description, coalesce(p.school_id, p.point_school_id),
                       coalesce(p.unit_id, i.unit_id), c.paired_item_id
                  from inventory_item i
                  left join inventory_place p on p.id = i.place_id
                  left join (select paired_item_id from inventory_connection
                              where paired_item_id is not null and kind in ('SIM', 'WIFI_DEVICE')
                              group by paired_item_id) c on c.paired_item_id = i.id
                 where i.campaign_id = ? and i.status = 'READY' and i.transfer_id is null
                   and i.item_type in ('LAPTOP', 'DESKTOP_SET', 'TABLET', 'SMARTPHONE', 'SIM_4G', 'WIFI_DEVICE')
                   and """ + " " + scopes.unitFilter(caller, "coalesce(p.unit_id, i.unit_id)") + " order by i.id",
                rs -> {
                    sink.accept(new Ready(
                            rs.getLong(1),
                            rs.getString(2),
                            ItemType.valueOf(rs.getString(3)),
                            rs.getString(4),
                            rs.getObject(5, Long.class),
                            rs.getLong(6),
                            rs.getObject(7) != null));
                },
                campaignId);
    }
}
