package vn.cungem.inventory.atschool;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.ItemConnectivity;
import vn.cungem.inventory.places.Place;
import vn.cungem.inventory.places.PlaceKind;
import vn.cungem.inventory.places.Places;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;

/**
 * What a school's officer sees of the inventory: the devices standing at the school's place (sent there by transfers),
 * read-only, with what each goes online with. Nothing of another school, nor of the collection point, is reachable
 * here: a tag elsewhere is the same 404 as a tag that does not exist.
 */
@Service
public class SchoolItems {

    public static final String ENTITY = "inventory_item";
    static final int LIMIT = 500;

    private final JdbcClient jdbc;
    private final Places places;
    private final ItemConnectivity connectivity;

    SchoolItems(JdbcClient jdbc, Places places, ItemConnectivity connectivity) {
        this.jdbc = jdbc;
        this.places = places;
        this.connectivity = connectivity;
    }

    /** A device at the school; {@code leaving} when a transfer is taking it away. */
    public record Row(
            long id,
            String tag,
            ItemType type,
            String description,
            String serialNumber,
            String status,
            boolean leaving) {}

    public record Sheet(Row item, List<ItemConnectivity.Paired> connections) {}

    /** The officer's school place, if the school has one yet. */
    public Optional<Place> placeOf(Caller caller) {
        if (!caller.is(Role.SCHOOL_OFFICER) || caller.scope().kind() != Scope.Kind.SCHOOL) {
            return Optional.empty();
        }
        Long school = caller.scope().schoolId();
        return places.visible(caller).stream()
                .filter(p -> p.kind() == PlaceKind.SCHOOL && school.equals(p.schoolId()))
                .findFirst();
    }

    /** The devices at the officer's school, by tag; at most {@link #LIMIT} (a school holds tens, not thousands). */
    public List<Row> at(Caller caller) {
        return placeOf(caller)
                .map(p -> rows("where i.place_id = ? order by i.tag fetch first " + LIMIT + " rows only", p.id()))
                .orElse(List.of());
    }

    public Sheet item(String tag, Caller caller) {
        String t = tag == null ? "" : tag.strip().toUpperCase(java.util.Locale.ROOT);
        Row row = placeOf(caller)
                .flatMap(p -> rows("where i.place_id = ? and i.tag = ?", p.id(), t).stream()
                        .findFirst())
                .orElseThrow(() -> new NotFoundException(ENTITY, t));
        return new Sheet(row, connectivity.of(row.id()));
    }

    private List<Row> rows(String where, Object... params) {
        return jdbc.sql("select i.id, i.tag, i.item_type, i.description, i.serial_number, i.status, i.transfer_id"
                        + " from inventory_item i " + where)
                .params(List.of(params))
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        ItemType.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7) != null))
                .list();
    }
}
