package vn.cungem.donation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.Receipts.Line;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.Bundles;
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
                    throw invalid("receipt.line-type", n);
                }
                if (l.quantity() == null || l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
                    throw invalid("receipt.line-quantity", n, MAX_QUANTITY);
                }
                if (l.condition() == null) {
                    throw invalid("receipt.line-condition", n);
                }
                List<String> serials = l.serialNumbers() == null
                        ? List.of()
                        : l.serialNumbers().stream()
                                .flatMap(s -> s == null ? Stream.empty() : Arrays.stream(s.split("[,;\\n]")))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .toList();
                if (serials.size() > l.quantity() || serials.stream().anyMatch(s -> s.length() > 100)) {
                    throw invalid("receipt.line-serials", n);
                }
                if (!serials.isEmpty() && !GoodsLine.isTagged(l.type())) {
                    throw invalid("receipt.line-serials-untagged", n);
                }
                serials = serials(l.type(), serials, n);
                out.add(new GoodsLine(
                        l.type(),
                        l.quantity(),
                        l.condition(),
                        limit(
                                VietnameseText.tidy(l.accessories()),
                                300,
                                "receipt.line-accessories",
                                "receipt.field.accessories"),
                        limit(
                                VietnameseText.tidy(l.description()),
                                300,
                                "receipt.line-description",
                                "receipt.field.description"),
                        serials));
            }
        }
        if (out.isEmpty()) {
            throw invalid("receipt.no-lines");
        }
        if (out.size() > 100) {
            throw invalid("receipt.too-many-lines");
        }
        return out;
    }

    /** Each serial normalised, an IMEI checked (see {@link DeviceSerial}); the error names the line. */
    private static List<String> serials(ItemType type, List<String> typed, int line) {
        List<String> out = new ArrayList<>(typed.size());
        for (String s : typed) {
            try {
                out.add(DeviceSerial.of(type, s).value());
            } catch (InvalidValueException e) {
                throw invalid("serial.imei".equals(e.code()) ? "receipt.line-imei" : "receipt.line-serials", line, s);
            }
        }
        return out;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The value, or the error {@code code} naming the field by its bundle key {@code fieldKey} when too long. */
    static String limit(String value, int max, String code, String fieldKey) {
        if (value != null && value.length() > max) {
            String key = "receipt.error.too-long";
            throw new InvalidValueException(
                    code, Bundles.vi(key, Bundles.vi(fieldKey), max), Bundles.en(key, Bundles.en(fieldKey), max));
        }
        return value == null || value.isEmpty() ? null : value;
    }

    /** The error {@code code} of a receipt ({@code receipt.x}), worded by the bundle key {@code receipt.error.x}. */
    static InvalidValueException invalid(String code, Object... args) {
        return InvalidValueException.of(code, "receipt.error." + code.substring("receipt.".length()), args);
    }
}
