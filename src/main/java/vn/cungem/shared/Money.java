package vn.cungem.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.cungem.shared.text.Formats;

/**
 * An amount in whole Vietnamese đồng. VND has no minor unit in use, so integers are exact and floats never appear. In
 * JSON an amount is a plain integer of đồng, the shape the public API has always had.
 */
public record Money(@JsonValue long vnd) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money vnd(long amount) {
        return new Money(amount);
    }

    /** For nullable columns and optional fields: no amount stays no amount. */
    public static Money ofNullable(Long amount) {
        return amount == null ? null : new Money(amount);
    }

    /** The plain number for a nullable column or an API field. */
    public static Long vndOrNull(Money amount) {
        return amount == null ? null : amount.vnd;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(vnd, other.vnd));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(vnd, other.vnd));
    }

    /** A unit price times a quantity; overflow is refused, never wrapped. */
    public Money times(long quantity) {
        return new Money(Math.multiplyExact(vnd, quantity));
    }

    /** The size of an amount without its side, as a statement's debit column prints a signed one. */
    public Money abs() {
        return new Money(Math.absExact(vnd));
    }

    public boolean isNegative() {
        return vnd < 0;
    }

    public boolean isPositive() {
        return vnd > 0;
    }

    public boolean isZero() {
        return vnd == 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(vnd, other.vnd);
    }

    /** {@code 1.250.000 ₫}, the way amounts are written on Vietnamese receipts. */
    @Override
    public String toString() {
        return Formats.groupThousands(vnd) + " ₫";
    }
}
