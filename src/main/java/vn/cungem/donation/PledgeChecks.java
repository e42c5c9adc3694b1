package vn.cungem.donation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Phase;

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
            if (line.itemType() == null || line.itemType() == ItemType.CASH) {
                problems.add(new FieldProblem(
                        f + "itemType",
                        "pledge.line.type",
                        "Dòng " + (i + 1) + ": chọn loại hiện vật.",
                        "Line " + (i + 1) + ": choose the kind of item."));
            } else if (!accepted.isEmpty() && !accepted.contains(line.itemType())) {
                problems.add(new FieldProblem(
                        f + "itemType",
                        "pledge.line.type.notAccepted",
                        "Dòng " + (i + 1) + ": chương trình không nhận "
                                + line.itemType().nameVi() + ".",
                        "Line " + (i + 1) + ": the campaign does not accept "
                                + line.itemType().nameEn() + "."));
            }
            if (line.quantity() == null || line.quantity() < 1 || line.quantity() > Pledges.MAX_QUANTITY) {
                problems.add(new FieldProblem(
                        f + "quantity",
                        "pledge.line.quantity",
                        "Dòng " + (i + 1) + ": số lượng từ 1 đến 10.000.",
                        "Line " + (i + 1) + ": the quantity must be 1 to 10,000."));
            }
            if (line.condition() == null) {
                problems.add(new FieldProblem(
                        f + "condition",
                        "pledge.line.condition",
                        "Dòng " + (i + 1) + ": chọn tình trạng (mới, cũ còn tốt, cũ cần sửa).",
                        "Line " + (i + 1) + ": choose the condition (new, used working, used needing repair)."));
            }
            if ((line.accessories() != null && line.accessories().length() > 300)
                    || (line.description() != null && line.description().length() > 300)) {
                problems.add(new FieldProblem(
                        f + "description",
                        "pledge.line.long",
                        "Dòng " + (i + 1) + ": mô tả hoặc phụ kiện dài quá 300 ký tự.",
                        "Line " + (i + 1) + ": the description or accessories are over 300 characters."));
            }
        }
        Long cash = request.cashAmountVnd();
        if (cash != null && cash != 0 && (cash < Pledges.MIN_CASH_VND || cash > Pledges.MAX_CASH_VND)) {
            problems.add(new FieldProblem(
                    "cashAmountVnd",
                    "pledge.cash.range",
                    "Số tiền ủng hộ từ 10.000 ₫ trở lên.",
                    "The amount must be at least 10,000 ₫."));
        }
        boolean hasCash = cash != null && cash > 0;
        if (request.lines().isEmpty() && !hasCash) {
            problems.add(new FieldProblem(
                    "lines",
                    "pledge.empty",
                    "Xin cho biết hiện vật sẽ ủng hộ, số tiền, hoặc cả hai.",
                    "Please say what you will give: items, an amount of money, or both."));
        }
        CollectionPoint point = null;
        if (request.collectionPointId() != null) {
            point = points.find(request.collectionPointId())
                    .filter(p -> p.campaignId() == campaign.id() && p.active())
                    .orElse(null);
            if (point == null) {
                problems.add(new FieldProblem(
                        "collectionPointId",
                        "pledge.point.unknown",
                        "Điểm tiếp nhận này không thuộc chương trình hoặc đã ngừng nhận.",
                        "This collection point is not part of the campaign or no longer open."));
            }
        } else if (!request.lines().isEmpty()) {
            problems.add(new FieldProblem(
                    "collectionPointId",
                    "pledge.point.required",
                    "Chọn điểm tiếp nhận sẽ mang hiện vật đến.",
                    "Choose the collection point you will bring the items to."));
        }
        LocalDate expected = request.expectedOn();
        if (expected != null) {
            LocalDate today = LocalDate.now(VIETNAM);
            if (expected.isBefore(today)) {
                problems.add(new FieldProblem(
                        "expectedOn",
                        "pledge.date.past",
                        "Ngày dự kiến mang đến không thể ở trong quá khứ.",
                        "The expected date cannot be in the past."));
            } else if (!withinPhases(campaign.spec().phases(), expected)) {
                problems.add(new FieldProblem(
                        "expectedOn",
                        "pledge.date.phase",
                        "Ngày dự kiến phải nằm trong thời gian của chương trình.",
                        "The expected date must fall within the campaign's phases."));
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
