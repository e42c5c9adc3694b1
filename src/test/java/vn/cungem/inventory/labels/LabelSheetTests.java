package vn.cungem.inventory.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LabelSheetTests {

    private static List<LabelSheet.Label> labels(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new LabelSheet.Label("TB" + i, "u" + i, "q", "Máy tính xách tay", "C"))
                .toList();
    }

    @Test
    void labelsFillThreeAcrossAndEightDownThenANewSheet() {
        LabelSheet sheet = LabelSheet.of(labels(26));
        assertThat(sheet.pages()).hasSize(2);
        assertThat(sheet.pages().get(0))
                .hasSize(8)
                .allSatisfy(row -> assertThat(row).hasSize(3));
        assertThat(sheet.pages().get(0).get(1).get(0).tag()).isEqualTo("TB3");
        assertThat(sheet.pages().get(1)).hasSize(1);
        assertThat(sheet.pages().get(1).get(0))
                .extracting(LabelSheet.Label::tag)
                .containsExactly("TB24", "TB25");
        assertThat(LabelSheet.of(labels(24)).pages()).hasSize(1);
    }
}
