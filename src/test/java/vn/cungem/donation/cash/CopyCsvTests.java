package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyCsvTests {

    @Test
    void quotesEveryTextDoublesQuotesAndLeavesNullUnquotedEmpty() {
        StringBuilder out = new StringBuilder();
        new PostgresCopyWriter.Csv(out)
                .value(1L)
                .text("")
                .value(null)
                .text(null)
                .text("a,\"b\"\nc")
                .text("\\N")
                .end();
        assertThat(out).hasToString("1,\"\",,,\"a,\"\"b\"\"\nc\",\"\\N\"\n");
    }
}
