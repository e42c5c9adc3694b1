package vn.cungem.donation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.DonorDetails;
import vn.cungem.donation.DonorKind;
import vn.cungem.donation.FieldProblem;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.PledgeLineRequest;
import vn.cungem.donation.PledgeRequest;
import vn.cungem.shared.Money;

/**
 * The public pledge form as the browser sends it: every field is text, so whatever a person typed comes back to them
 * with a message instead of failing to bind. Blank item rows are ignored.
 */
public class PublicPledgeForm {

    static final int ROWS = 3;

    private List<Line> lines = new ArrayList<>();
    private String cashAmount;
    private String collectionPointId;
    private String expectedOn;
    private String donorKind = DonorKind.INDIVIDUAL.name();
    private String name;
    private String phone;
    private String email;
    private String taxCode;
    private boolean namedPublicly;
    private boolean anonymous;
    private boolean wantsCertificate;
    private String note;
    private String idempotencyKey;

    static PublicPledgeForm blank() {
        PublicPledgeForm form = new PublicPledgeForm();
        form.idempotencyKey = UUID.randomUUID().toString();
        form.padRows();
        return form;
    }

    void padRows() {
        while (lines.size() < ROWS) {
            Line line = new Line();
            line.setCondition(ItemCondition.USED_WORKING.name());
            lines.add(line);
        }
    }

    /** Whether the donor filled in an item row after the first. */
    boolean hasMoreThanOneLine() {
        for (int i = 1; i < lines.size(); i++) {
            if (!isBlank(lines.get(i).itemType) || !isBlank(lines.get(i).quantity)) {
                return true;
            }
        }
        return false;
    }

    /** The request, plus the problems found while reading the text (bad numbers, dates). */
    PledgeRequest toRequest(long campaignId, List<FieldProblem> problems) {
        List<PledgeLineRequest> requests = new ArrayList<>();
        for (int i = 0; i < lines.size() && i < 20; i++) {
            Line l = lines.get(i);
            if (isBlank(l.itemType) && isBlank(l.quantity)) {
                continue;
            }
            requests.add(new PledgeLineRequest(
                    parseEnum(ItemType.class, l.itemType),
                    parseQuantity(l.quantity, i, problems),
                    parseEnum(ItemCondition.class, l.condition),
                    l.accessories,
                    l.description));
        }
        Money cash = null;
        if (!isBlank(cashAmount)) {
            // the signs people write around an amount (₫, đ, VND) are what the reader strips, not wording
            String digits = cashAmount.replaceAll("[\\s.,₫đ]|VND|vnd", "");
            if (digits.matches("\\d{1,15}")) {
                cash = Money.vnd(Long.parseLong(digits));
            } else {
                problems.add(
                        FieldProblem.of("cashAmountVnd", "pledge.cash.number", "donation.error.pledge.cash.number"));
            }
        }
        Long pointId = null;
        if (!isBlank(collectionPointId)) {
            try {
                pointId = Long.parseLong(collectionPointId.trim());
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of(
                        "collectionPointId", "pledge.point.unknown", "donation.error.pledge.point.choose"));
            }
        }
        LocalDate date = null;
        if (!isBlank(expectedOn)) {
            try {
                date = LocalDate.parse(expectedOn.trim());
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of("expectedOn", "pledge.date.format", "donation.error.pledge.date.format"));
            }
        }
        DonorKind kind = parseEnum(DonorKind.class, donorKind);
        DonorDetails donor = new DonorDetails(kind, name, phone, email, taxCode, null, namedPublicly, anonymous);
        return new PledgeRequest(
                campaignId, requests, cash, pointId, date, donor, wantsCertificate, note, idempotencyKey);
    }

    private static Integer parseQuantity(String text, int row, List<FieldProblem> problems) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(
                    "lines[" + row + "].quantity",
                    "pledge.line.quantity",
                    "donation.error.pledge.line.quantity.whole",
                    row + 1));
            return 0;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static class Line {
        private String itemType;
        private String quantity;
        private String condition;
        private String accessories;
        private String description;

        public String getItemType() {
            return itemType;
        }

        public void setItemType(String itemType) {
            this.itemType = itemType;
        }

        public String getQuantity() {
            return quantity;
        }

        public void setQuantity(String quantity) {
            this.quantity = quantity;
        }

        public String getCondition() {
            return condition;
        }

        public void setCondition(String condition) {
            this.condition = condition;
        }

        public String getAccessories() {
            return accessories;
        }

        public void setAccessories(String accessories) {
            this.accessories = accessories;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }

    public String getCashAmount() {
        return cashAmount;
    }

    public void setCashAmount(String cashAmount) {
        this.cashAmount = cashAmount;
    }

    public String getCollectionPointId() {
        return collectionPointId;
    }

    public void setCollectionPointId(String collectionPointId) {
        this.collectionPointId = collectionPointId;
    }

    public String getExpectedOn() {
        return expectedOn;
    }

    public void setExpectedOn(String expectedOn) {
        this.expectedOn = expectedOn;
    }

    public String getDonorKind() {
        return donorKind;
    }

    public void setDonorKind(String donorKind) {
        this.donorKind = donorKind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getTaxCode() {
        return taxCode;
    }

    public void setTaxCode(String taxCode) {
        this.taxCode = taxCode;
    }

    public boolean isNamedPublicly() {
        return namedPublicly;
    }

    public void setNamedPublicly(boolean namedPublicly) {
        this.namedPublicly = namedPublicly;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public boolean isWantsCertificate() {
        return wantsCertificate;
    }

    public void setWantsCertificate(boolean wantsCertificate) {
        this.wantsCertificate = wantsCertificate;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }
}
