package vn.cungem.donation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Phase;
import vn.cungem.shared.Money;
import vn.cungem.shared.text.Bundles;

/** What a pledge must say before it is stored: goods the campaign accepts, a sensible amount, a place and a date. */
@Component
class PledgeChecks {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final CollectionPoints points;

    PledgeChecks(CollectionPoints points) {
        this.points = points;
    }

    /** Adds what is wrong to {@code problems}; returns the collection point the donor chose, when it is valid. */
    CollectionPoint goodsAndPlace(PledgeRequest request, Campaign campaign, List<FieldProblem> problems) {
        List<ItemType> accepted = campaign.spec().itemTypes();
        for (int i = 0; i < request.lines().size(); i++) {
            PledgeLineRequest line = request.lines().get(i);
            String f = "lines[" + i + "].";
            int n = i + 1;
            if (line.itemType() == null || line.itemType() == ItemType.CASH) {
                problems.add(FieldProblem.of(f + "itemType", "pledge.line.type", "donation.error.pledge.line.type", n));
            } else if (!accepted.isEmpty() && !accepted.contains(line.itemType())) {
                // the item type's name differs by language, so each wording gets its own
                String key = "donation.error.pledge.line.type.notAccepted";
                problems.add(new FieldProblem(
                        f + "itemType",
                        "pledge.line.type.notAccepted",
                        Bundles.vi(key, n, line.itemType().nameVi()),
                        Bundles.en(key, n, line.itemType().nameEn())));
            }
            if (line.quantity() == null || line.quantity() < 1 || line.quantity() > Pledges.MAX_QUANTITY) {
                problems.add(FieldProblem.of(
                        f + "quantity", "pledge.line.quantity", "donation.error.pledge.line.quantity", n));
            }
            if (line.condition() == null) {
                problems.add(FieldProblem.of(
                        f + "condition", "pledge.line.condition", "donation.error.pledge.line.condition", n));
            }
            if ((line.accessories() != null && line.accessories().length() > 300)
                    || (line.description() != null && line.description().length() > 300)) {
                problems.add(
                        FieldProblem.of(f + "description", "pledge.line.long", "donation.error.pledge.line.long", n));
            }
        }
        Money cash = request.cashAmountVnd();
        if (cash != null
                && !cash.isZero()
                && (cash.compareTo(Pledges.MIN_CASH) < 0 || cash.compareTo(Pledges.MAX_CASH) > 0)) {
            problems.add(FieldProblem.of("cashAmountVnd", "pledge.cash.range", "donation.error.pledge.cash.range"));
        }
        boolean hasCash = cash != null && cash.isPositive();
        if (request.lines().isEmpty() && !hasCash) {
            problems.add(FieldProblem.of("lines", "pledge.empty", "donation.error.pledge.empty"));
        }
        CollectionPoint point = null;
        if (request.collectionPointId() != null) {
            point = points.find(request.collectionPointId())
                    .filter(p -> p.campaignId() == campaign.id() && p.active())
                    .orElse(null);
            if (point == null) {
                problems.add(FieldProblem.of(
                        "collectionPointId", "pledge.point.unknown", "donation.error.pledge.point.unknown"));
            }
        } else if (!request.lines().isEmpty()) {
            problems.add(FieldProblem.of(
                    "collectionPointId", "pledge.point.required", "donation.error.pledge.point.required"));
        }
        LocalDate expected = request.expectedOn();
        if (expected != null) {
            LocalDate today = LocalDate.now(VIETNAM);
            if (expected.isBefore(today)) {
                problems.add(FieldProblem.of("expectedOn", "pledge.date.past", "donation.error.pledge.date.past"));
            } else if (!withinPhases(campaign.spec().phases(), expected)) {
                problems.add(FieldProblem.of("expectedOn", "pledge.date.phase", "donation.error.pledge.date.phase"));
            }
        }
        return point;
    }

    /** A campaign without phases takes gifts any day; otherwise the date must fall in one (open ends allowed). */
    static boolean withinPhases(List<Phase> phases, LocalDate date) {
        if (phases.isEmpty()) {
            return true;
        }
        return phases.stream()
                .anyMatch(p -> (p.startsOn() == null || !date.isBefore(p.startsOn()))
                        && (p.endsOn() == null || !date.isAfter(p.endsOn())));
    }
}
