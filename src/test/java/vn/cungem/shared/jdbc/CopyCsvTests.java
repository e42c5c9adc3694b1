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

    @Test
    void doublesQuotesAtEitherEndAndWritesEveryKindOfNumber() {
        StringBuilder out = new StringBuilder();
        new CopyCsv(out)
                .text("\"")
                .text("\"a\"\"b\"")
                .value(-7)
                .value((short) 3)
                .value(Long.MIN_VALUE)
                .value(new java.math.BigDecimal("1.50"))
                .end();
        assertThat(out).hasToString("\"\"\"\",\"\"\"a\"\"\"\"b\"\"\",-7,3,-9223372036854775808,1.50\n");
    }
}
