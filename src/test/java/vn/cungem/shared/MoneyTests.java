package vn.cungem.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MoneyTests {

    @Test
    void formatsAmountsAsOnVietnameseReceipts() {
        assertThat(Money.vnd(1_250_000)).hasToString("1.250.000 ₫");
        assertThat(Money.ZERO).hasToString("0 ₫");
        assertThat(Money.vnd(-500_000)).hasToString("-500.000 ₫");
    }

    @Test
    void addsAndSubtractsExactly() {
        Money total = Money.vnd(1_250_000).plus(Money.vnd(750_000)).minus(Money.vnd(3_000_000));
        assertThat(total).isEqualTo(Money.vnd(-1_000_000));
        assertThat(total.isNegative()).isTrue();
        assertThat(Money.vnd(2).compareTo(Money.vnd(10))).isNegative();
    }

    @Test
    void refusesToOverflowSilently() {
        assertThatThrownBy(() -> Money.vnd(Long.MAX_VALUE).plus(Money.vnd(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void keepsNoAmountApartFromZero() {
        assertThat(Money.ofNullable(null)).isNull();
        assertThat(Money.ofNullable(0L)).isEqualTo(Money.ZERO);
        assertThat(Money.vndOrNull(null)).isNull();
        assertThat(Money.vndOrNull(Money.vnd(7))).isEqualTo(7L);
    }

    @Test
    void multipliesAPriceByAQuantityExactly() {
        assertThat(Money.vnd(4_500_000).times(3)).isEqualTo(Money.vnd(13_500_000));
        assertThatThrownBy(() -> Money.vnd(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void comparesSignsAndPicksTheLargerOrSmaller() {
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.vnd(1).isPositive()).isTrue();
        assertThat(Money.vnd(-1).isPositive()).isFalse();
        assertThat(Money.vnd(3).max(Money.vnd(9))).isEqualTo(Money.vnd(9));
        assertThat(Money.vnd(3).min(Money.vnd(9))).isEqualTo(Money.vnd(3));
        assertThat(Money.vnd(-22_000).abs()).isEqualTo(Money.vnd(22_000));
        assertThat(Money.vnd(22_000).abs()).isEqualTo(Money.vnd(22_000));
        assertThatThrownBy(() -> Money.vnd(Long.MIN_VALUE).abs()).isInstanceOf(ArithmeticException.class);
    }

    record Body(Money amount, Money missing) {}

    @Test
    void isAPlainIntegerInJson() {
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.writeValueAsString(new Body(Money.vnd(1_250_000), null)))
                .isEqualTo("{\"amount\":1250000,\"missing\":null}");
        assertThat(json.readValue("{\"amount\":50000,\"missing\":null}", Body.class))
                .isEqualTo(new Body(Money.vnd(50_000), null));
    }
}
