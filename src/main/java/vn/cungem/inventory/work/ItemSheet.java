package vn.cungem.inventory.work;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.cungem.inventory.lifecycle.CheckCode;
import vn.cungem.inventory.lifecycle.Checklist;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.shared.security.Caller;

/**
 * Everything the item page and the API show about a device's work, read once under the same scope check: its state and
 * version, the moves the caller may choose now, which steps they may record, the checklist of its kind, its history,
 * wipes, repairs and latest inspection.
 */
@Service
public class ItemSheet {

    private final ItemWork work;
    private final ItemHistory history;
    private final Wipes wipes;
    private final Repairs repairs;
    private final Inspections inspections;

    ItemSheet(ItemWork work, ItemHistory history, Wipes wipes, Repairs repairs, Inspections inspections) {
        this.work = work;
        this.history = history;
        this.wipes = wipes;
        this.repairs = repairs;
        this.inspections = inspections;
    }

    /** A step form the caller may fill in now. */
    public enum Form {
        INSPECTION,
        REPAIR,
        WIPE,
        SOFTWARE
    }

    public record Sheet(
            String tag,
            long campaignId,
            ItemStatus status,
            int version,
            Long softwareProfileId,
            boolean wipedSinceLastOwner,
            List<ItemMove> moves,
            Set<Form> forms,
            Set<CheckCode> checklist,
            List<ItemHistory.Line> history,
            List<Wipes.Wipe> wipes,
            List<Repairs.Repair> repairs,
            List<Inspections.Line> latestInspection) {}

    public Sheet of(String tag, Caller caller) {
        WorkItem item = work.item(tag, caller);
        boolean wiped = work.wipedSinceOwner(item);
        List<ItemMove> allowed = vn.cungem.inventory.lifecycle.Lifecycle.movesFor(item.status(), caller.role(), wiped);
        java.util.EnumSet<Form> forms = java.util.EnumSet.noneOf(Form.class);
        // the step forms follow the moves a workshop member may make from here
        boolean workshop = allowed.contains(ItemMove.RECYCLE) || allowed.contains(ItemMove.INSTALL_SOFTWARE);
        if (item.status() == ItemStatus.IN_INSPECTION && workshop) {
            forms.add(Form.INSPECTION);
        }
        if (item.status() == ItemStatus.IN_REPAIR && workshop) {
            forms.add(Form.REPAIR);
        }
        if (allowed.contains(ItemMove.WIPE)) {
            forms.add(Form.WIPE);
        }
        if (allowed.contains(ItemMove.INSTALL_SOFTWARE)) {
            forms.add(Form.SOFTWARE);
        }
        return new Sheet(
                item.tag(),
                item.campaignId(),
                item.status(),
                item.version(),
                item.softwareProfileId(),
                wiped,
                allowed.stream().filter(ItemMove::isDirect).toList(),
                forms,
                Checklist.checksFor(item.type()),
                history.of(item.id()),
                wipes.of(item.id()),
                repairs.of(item.id()),
                inspections.latest(item.id()));
    }
}
