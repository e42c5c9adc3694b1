package vn.cungem.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyCsvTests {

    @Test
    void quotesEveryTextDoublesQuotesAndLeavesNullUnquotedEmpty() {
        StringBuilder out = new StringBuilder();
        new CopyCsv(out)
                .value(1L)
                .text("")
                .value(null)
                .bool(true)
                .bool(false)
                .text(null)
                .text("a,\"b\"\nc")
                .text("\\N")
                .end();
        assertThat(out).hasToString("1,\"\",,t,f,,\"a,\"\"b\"\"\nc\",\"\\N\"\n");
    }
}
