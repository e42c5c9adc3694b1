package vn.cungem.shared;

import vn.cungem.shared.text.Formats;

/** An amount in whole Vietnamese đồng. VND has no minor unit in use, so integers are exact and floats never appear. */
public record Money(long vnd) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money vnd(long amount) {
        return new Money(amount);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(vnd, other.vnd));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(vnd, other.vnd));
    }

    public boolean isNegative() {
        return vnd < 0;
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
