package vn.cungem.inventory.places;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.inventory.tally.ItemTallies;
import vn.cungem.organisation.SchoolChanged;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.text.Bundles;

/**
 * A school's place follows its school to another unit (organisation's {@link SchoolChanged}, in the move's
 * transaction), with the items and connections kept there and their kept counts: without it the school's devices
 * stayed counted, and visible to the managers of, the commune the school had left.
 */
@Component
class SchoolPlaceMoves {

    private final JdbcClient jdbc;
    private final ItemTallies tallies;
    private final ApplicationEventPublisher events;

    SchoolPlaceMoves(JdbcClient jdbc, ItemTallies tallies, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tallies = tallies;
        this.events = events;
    }

    @EventListener
    void schoolChanged(SchoolChanged changed) {
        if (changed.oldUnitId() == changed.newUnitId()) {
            return;
        }
        List<Long> places = jdbc.sql("select id from inventory_place where school_id = ? and unit_id = ? order by id")
                .params(changed.schoolId(), changed.oldUnitId())
                .query(Long.class)
                .list();
        if (places.isEmpty()) {
            return;
        }
        // numbers only, read from the database
        String in = places.stream().map(String::valueOf).collect(Collectors.joining(","));
        OffsetDateTime now = OffsetDateTime.now();
        tallies.around(
                "i.place_id in (" + in + ")",
                List.of(),
                () -> jdbc.sql("update inventory_item set unit_id = ?, updated_at = ?, version = version + 1"
                                + " where place_id in (" + in + ") and unit_id = ?")
                        .params(changed.newUnitId(), now, changed.oldUnitId())
                        .update());
        jdbc.sql("update inventory_connection set unit_id = ?, updated_at = ?, version = version + 1"
                        + " where place_id in (" + in + ") and unit_id = ?")
                .params(changed.newUnitId(), now, changed.oldUnitId())
                .update();
        jdbc.sql("update inventory_place set unit_id = ? where id in (" + in + ")")
                .param(changed.newUnitId())
                .update();
        for (long place : places) {
            events.publishEvent(DomainChange.updated(
                            Places.ENTITY,
                            place,
                            changed.newUnitId(),
                            Map.of("unitId", changed.oldUnitId()),
                            Map.of("unitId", changed.newUnitId()),
                            Bundles.vi("place.moved-with-school"))
                    .withAction("MOVED"));
        }
    }
}
