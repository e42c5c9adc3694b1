package vn.cungem.inventory.places;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.ItemType;
import vn.cungem.shared.security.Caller;

/**
 * What a place holds, by type and state; what it has sent that is still on the way; what is on the way to it. An item
 * in transit counts only as in transit, never at either end, so the sums over all places and transit always agree
 * with the number of items.
 */
@Service
@Transactional(readOnly = true)
public class PlaceStock {

    /** Items of one type in one state; {@code status} is null for the in-transit rows. */
    public record Count(ItemType type, String status, long quantity) {}

    /** SIMs, data packages or Wi-Fi devices of one kind; {@code status} is null for the in-transit rows. */
    public record ConnectionCount(String kind, String status, long quantity) {}

    public record Stock(
            Place place,
            List<Count> here,
            List<Count> leaving,
            List<Count> arriving,
            List<ConnectionCount> connectionsHere,
            List<ConnectionCount> connectionsLeaving,
            List<ConnectionCount> connectionsArriving) {

        public long totalHere() {
            return here.stream().mapToLong(Count::quantity).sum();
        }

        public long totalLeaving() {
            return leaving.stream().mapToLong(Count::quantity).sum();
        }

        public long totalArriving() {
            return arriving.stream().mapToLong(Count::quantity).sum();
        }

        public long connectionsTotalHere() {
            return connectionsHere.stream().mapToLong(ConnectionCount::quantity).sum();
        }

        public long connectionsTotalLeaving() {
            return connectionsLeaving.stream()
                    .mapToLong(ConnectionCount::quantity)
                    .sum();
        }

        public long connectionsTotalArriving() {
            return connectionsArriving.stream()
                    .mapToLong(ConnectionCount::quantity)
                    .sum();
        }
    }

    private final JdbcClient jdbc;
    private final Places places;

    PlaceStock(JdbcClient jdbc, Places places) {
        this.jdbc = jdbc;
        this.places = places;
    }

    public Stock of(long placeId, Caller caller) {
        Place place = places.get(placeId, caller);
        List<Count> here = jdbc.sql("""
                        select i.item_type, i.status, count(*) from inventory_item i
                         where i.place_id = ? and i.transfer_id is null
                         group by i.item_type, i.status order by i.item_type, i.status""")
                .param(placeId)
                .query((rs, n) -> new Count(ItemType.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3)))
                .list();
        return new Stock(
                place,
                here,
                transit("i.place_id = ? and i.transfer_id is not null", placeId),
                transit("t.to_place_id = ? and t.state = 'SENT'", placeId),
                jdbc.sql("""
                                select c.kind, c.status, count(*) from inventory_connection c
                                 where c.place_id = ? and c.transfer_id is null
                                 group by c.kind, c.status order by c.kind, c.status""")
                        .param(placeId)
                        .query((rs, n) -> new ConnectionCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
                        .list(),
                connectionsInTransit("c.place_id = ? and c.transfer_id is not null", placeId),
                connectionsInTransit("t.to_place_id = ? and t.state = 'SENT'", placeId));
    }

    private List<ConnectionCount> connectionsInTransit(String where, long placeId) {
        return jdbc.sql("select c.kind, count(*) from inventory_connection c"
                        + " join inventory_transfer t on t.id = c.transfer_id where " + where
                        + " group by c.kind order by c.kind")
                .param(placeId)
                .query((rs, n) -> new ConnectionCount(rs.getString(1), null, rs.getLong(2)))
                .list();
    }

    private List<Count> transit(String where, long placeId) {
        return jdbc.sql("select i.item_type, count(*) from inventory_item i"
                        + " join inventory_transfer t on t.id = i.transfer_id where " + where
                        + " group by i.item_type order by i.item_type")
                .param(placeId)
                .query((rs, n) -> new Count(ItemType.valueOf(rs.getString(1)), null, rs.getLong(2)))
                .list();
    }
}
