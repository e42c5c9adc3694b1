package vn.cungem.donation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.Receipts.Line;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.VietnameseText;

/** What a receipt's lines and free text must satisfy, as plain rules testable without a database. */
final class ReceiptRules {

    static final int MAX_QUANTITY = 10_000;

    private ReceiptRules() {}

    /** Validates the lines; exposed for tests of the rule without a database. */
    static List<GoodsLine> validLines(List<Line> raw) {
        List<GoodsLine> out = new ArrayList<>();
        if (raw != null) {
            for (Line l : raw) {
                if (l == null || (l.type() == null && (l.quantity() == null || l.quantity() == 0))) {
                    continue;
                }
                int n = out.size() + 1;
                if (l.type() == null || l.type() == ItemType.CASH) {
                    throw invalid(
                            "receipt.line-type",
                            "Dòng " + n + ": chọn loại hiện vật (tiền mặt ghi vào sổ quỹ, không ghi ở đây).",
                            "Line " + n + ": choose the kind of goods (cash goes to the cash ledger, not here).");
                }
                if (l.quantity() == null || l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
                    throw invalid(
                            "receipt.line-quantity",
                            "Dòng " + n + ": số lượng phải từ 1 đến " + MAX_QUANTITY + ".",
                            "Line " + n + ": quantity must be 1 to " + MAX_QUANTITY + ".");
                }
                if (l.condition() == null) {
                    throw invalid(
                            "receipt.line-condition",
                            "Dòng " + n + ": chọn tình trạng (mới, cũ còn tốt, cần sửa).",
                            "Line " + n + ": choose the condition (new, used working, needs repair).");
                }
                List<String> serials = l.serialNumbers() == null
                        ? List.of()
                        : l.serialNumbers().stream()
                                .flatMap(s -> s == null ? Stream.empty() : Arrays.stream(s.split("[,;\\n]")))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .toList();
                if (serials.size() > l.quantity() || serials.stream().anyMatch(s -> s.length() > 100)) {
                    throw invalid(
                            "receipt.line-serials",
                            "Dòng " + n + ": số số sê-ri nhiều hơn số lượng, hoặc có số sê-ri dài quá 100 ký tự.",
                            "Line " + n + ": more serial numbers than units, or a serial longer than 100 characters.");
                }
                if (!serials.isEmpty() && !GoodsLine.isTagged(l.type())) {
                    throw invalid(
                            "receipt.line-serials-untagged",
                            "Dòng " + n + ": loại này không có số sê-ri.",
                            "Line " + n + ": this kind of goods has no serial numbers.");
                }
                out.add(new GoodsLine(
                        l.type(),
                        l.quantity(),
                        l.condition(),
                        limit(
                                VietnameseText.tidy(l.accessories()),
                                300,
                                "receipt.line-accessories",
                                "Phụ kiện",
                                "Accessories"),
                        limit(
                                VietnameseText.tidy(l.description()),
                                300,
                                "receipt.line-description",
                                "Mô tả",
                                "Description"),
                        serials));
            }
        }
        if (out.isEmpty()) {
            throw invalid(
                    "receipt.no-lines",
                    "Ghi ít nhất một dòng hiện vật đã nhận.",
                    "Record at least one line of goods received.");
        }
        if (out.size() > 100) {
            throw invalid("receipt.too-many-lines", "Tối đa 100 dòng mỗi biên nhận.", "At most 100 lines per receipt.");
        }
        return out;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String limit(String value, int max, String code, String fieldVi, String fieldEn) {
        if (value != null && value.length() > max) {
            throw invalid(code, fieldVi + " dài quá " + max + " ký tự.", fieldEn + " is longer than " + max + ".");
        }
        return value == null || value.isEmpty() ? null : value;
    }

    static InvalidValueException invalid(String code, String vi, String en) {
        return new InvalidValueException(code, vi, en);
    }
}
