package vn.cungem.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTests {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "7, 7",
        "999, 999",
        "1000, 1.000",
        "1250000, 1.250.000",
        "-1250000, -1.250.000",
        "50000000000, 50.000.000.000"
    })
    void groupsThousandsWithDots(long value, String text) {
        assertThat(Formats.groupThousands(value)).isEqualTo(text);
    }

    @org.junit.jupiter.api.Test
    void writesDatesDayFirst() {
        assertThat(Formats.date(LocalDate.of(2021, 9, 5))).isEqualTo("05/09/2021");
        assertThat(Formats.date(null)).isEmpty();
        assertThat(Formats.DATE_TIME.format(LocalDateTime.of(2021, 8, 30, 14, 5)))
                .isEqualTo("30/08/2021 14:05");
        assertThat(Formats.VIETNAM.getId()).isEqualTo("Asia/Ho_Chi_Minh");
    }
}
