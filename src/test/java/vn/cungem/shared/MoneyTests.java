package vn.cungem.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
