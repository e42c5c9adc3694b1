package vn.cungem.inventory.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScannedCodeTests {

    @Test
    void readsATypedTagWhateverItsCaseAndSpaces() {
        assertThat(ScannedCode.tag("  tb7k3m9q2x \n")).contains("TB7K3M9Q2X");
    }

    @Test
    void readsTheTagOutOfALabelsAddress() {
        assertThat(ScannedCode.tag("https://cungem.example.vn/inventory/items/TB7K3M9Q2X"))
                .contains("TB7K3M9Q2X");
        assertThat(ScannedCode.tag("http://localhost:8080/inventory/items/tb7k3m9q2x?x=1#top"))
                .contains("TB7K3M9Q2X");
    }

    @Test
    void refusesWhatCannotBeATag() {
        assertThat(ScannedCode.tag(null)).isEmpty();
        assertThat(ScannedCode.tag("   ")).isEmpty();
        assertThat(ScannedCode.tag("<script>alert(1)</script>")).isEmpty();
        assertThat(ScannedCode.tag("https://example.vn/other/page")).isEmpty();
        assertThat(ScannedCode.tag("A".repeat(17))).isEmpty();
        assertThat(ScannedCode.tag("x".repeat(400))).isEmpty();
    }
}
