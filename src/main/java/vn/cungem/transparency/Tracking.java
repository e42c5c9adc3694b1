package vn.cungem.transparency;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.PublicTracking;
import vn.cungem.donation.PublicTracking.Arrival;
import vn.cungem.donation.PublicTracking.Goods;
import vn.cungem.donation.TrackingCode;
import vn.cungem.inventory.Inventory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.Money;
import vn.cungem.shared.NotFoundException;

/**
 * What the public may know about a gift by its tracking code: what was pledged, when and where it arrived, and each
 * device's journey by status, unit and date. Never the donor's contact details, never a note (a note may name a
 * child), never who received a device.
 */
@Service
public class Tracking {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final PublicTracking donations;
    private final Inventory inventory;
    private final Campaigns campaigns;

    Tracking(PublicTracking donations, Inventory inventory, Campaigns campaigns) {
        this.donations = donations;
        this.inventory = inventory;
        this.campaigns = campaigns;
    }

    public enum Kind {
        PLEDGE,
        RECEIPT,
        DEVICE
    }

    public record Step(LocalDate on, String status, String unitName) {}

    public record Device(String tag, ItemType type, ItemCondition condition, String status, List<Step> journey) {}

    public record Journey(
            Kind kind,
            String code,
            String campaignName,
            LocalDate pledgedOn,
            String pledgeStatus,
            List<Goods> pledged,
            Money cashPledgedVnd,
            Money cashReceivedVnd,
            List<Arrival> arrivals,
            List<Device> devices,
            boolean certificateAvailable) {}

    /** The journey for a code, or 404 for an unknown or malformed one (the same answer, so codes cannot be probed). */
    public Journey track(String typed) {
        TrackingCode code;
        try {
            code = TrackingCode.parse(typed);
        } catch (InvalidValueException e) {
            throw new NotFoundException("tracking_code", "?");
        }
        Optional<Journey> j = switch (code.prefix()) {
            case TrackingCode.PLEDGE -> pledge(code.value());
            case TrackingCode.RECEIPT -> receipt(code.value());
            default -> device(code.value());
        };
        return j.orElseThrow(() -> new NotFoundException("tracking_code", code.value()));
    }

    private Optional<Journey> pledge(String code) {
        return donations
                .pledge(code)
                .map(p -> new Journey(
                        Kind.PLEDGE,
                        p.code(),
                        p.campaignName(),
                        p.createdAt() == null
                                ? null
                                : p.createdAt().atZoneSameInstant(VIETNAM).toLocalDate(),
                        p.status(),
                        p.pledged(),
                        p.cashPledgedVnd(),
                        p.cashReceivedVnd(),
                        p.arrivals(),
                        devices(inventory.itemsOfPledge(p.id())),
                        p.wantsCertificate()
                                && (p.cashReceivedVnd().isPositive()
                                        || !p.arrivals().isEmpty())));
    }

    private Optional<Journey> receipt(String code) {
        return donations
                .receipt(code)
                .map(r -> new Journey(
                        Kind.RECEIPT,
                        r.code(),
                        r.campaignName(),
                        null,
                        null,
                        List.of(),
                        null,
                        Money.ZERO,
                        r.arrivals(),
                        devices(inventory.itemsOfReceipt(r.id())),
                        false));
    }

    private Optional<Journey> device(String tag) {
        return inventory
                .byTag(tag)
                .map(item -> new Journey(
                        Kind.DEVICE,
                        tag,
                        campaigns.nameOf(item.campaignId()),
                        null,
                        null,
                        List.of(),
                        null,
                        Money.ZERO,
                        List.of(),
                        devices(List.of(item)),
                        false));
    }

    private List<Device> devices(List<Inventory.Item> items) {
        return items.stream()
                .limit(500)
                .map(i -> new Device(
                        i.tag(),
                        i.type(),
                        i.condition(),
                        i.status(),
                        inventory.events(i.id()).stream()
                                .map(e -> new Step(e.occurredOn(), e.status(), e.unitName()))
                                .toList()))
                .toList();
    }
}
