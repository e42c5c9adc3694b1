package vn.cungem.donation.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.GoodsLine;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.Receipts;
import vn.cungem.shared.InvalidValueException;

class ReceiptLinesTests {

    @Test
    void keepsEveryFilledLineAndSkipsTheEmptyOnesOfThePhoneForm() {
        Random random = new Random(20210910L);
        ItemType[] goods = List.of(ItemType.values()).stream()
                .filter(t -> t != ItemType.CASH)
                .toArray(ItemType[]::new);
        for (int run = 0; run < 300; run++) {
            List<Receipts.Line> raw = new ArrayList<>();
            int filled = 0;
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                if (random.nextInt(3) == 0) {
                    raw.add(new Receipts.Line(null, null, null, "", "", List.of("")));
                    continue;
                }
                ItemType type = goods[random.nextInt(goods.length)];
                int quantity = 1 + random.nextInt(50);
                raw.add(new Receipts.Line(
                        type, quantity, ItemCondition.values()[random.nextInt(3)], " sạc ", null, null));
                filled++;
            }
            if (filled == 0) {
                assertThatThrownBy(() -> Receipts.validLines(raw)).isInstanceOf(InvalidValueException.class);
                continue;
            }
            List<GoodsLine> lines = Receipts.validLines(raw);
            assertThat(lines).hasSize(filled).allSatisfy(l -> {
                assertThat(l.quantity()).isBetween(1, 50);
                assertThat(l.accessories()).isEqualTo("sạc");
            });
        }
    }

    @Test
    void rejectsCashZeroQuantitiesMissingConditionAndTooManySerials() {
        List<Receipts.Line> cases = List.of(
                new Receipts.Line(ItemType.CASH, 1, ItemCondition.NEW, null, null, null),
                new Receipts.Line(ItemType.LAPTOP, 0, ItemCondition.NEW, null, null, null),
                new Receipts.Line(ItemType.LAPTOP, 1, null, null, null, null),
                new Receipts.Line(ItemType.LAPTOP, 1, ItemCondition.NEW, null, null, List.of("A1, A2")),
                new Receipts.Line(ItemType.BOOKS_AND_SUPPLIES, 5, ItemCondition.NEW, null, null, List.of("X")));
        List<String> codes = List.of(
                "receipt.line-type",
                "receipt.line-quantity",
                "receipt.line-condition",
                "receipt.line-serials",
                "receipt.line-serials-untagged");
        for (int i = 0; i < cases.size(); i++) {
            List<Receipts.Line> lines = List.of(cases.get(i));
            String code = codes.get(i);
            assertThatThrownBy(() -> Receipts.validLines(lines))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                        assertThat(e.code()).isEqualTo(code);
                        assertThat(e.messageVi()).startsWith("Dòng 1: ");
                        assertThat(e.messageEn()).startsWith("Line 1: ");
                    });
        }
    }

    @Test
    void splitsSerialNumbersTypedWithCommasOrNewLines() {
        var lines = Receipts.validLines(List.of(new Receipts.Line(
                // a laptop: a smartphone's serial is its IMEI, checked (issue 13, DeviceSerialTests)
                ItemType.LAPTOP, 3, ItemCondition.USED_WORKING, null, null, List.of("A1, A2\nA3"))));
        assertThat(lines.get(0).serialNumbers()).containsExactly("A1", "A2", "A3");
    }
}
