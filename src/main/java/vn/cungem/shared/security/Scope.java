package vn.cungem.shared.security;

/**
 * What part of the organisation an account may see and change. A unit scope reaches down the unit's whole subtree; a
 * school scope is one school (and read-only sight of the unit it sits in); a partner scope is one partner
 * organisation.
 */
public record Scope(Kind kind, Long unitId, Long schoolId, Long partnerId) implements java.io.Serializable {

    public enum Kind {
        EVERYTHING,
        UNIT,
        SCHOOL,
        PARTNER,
        NONE
    }

    public static final Scope EVERYTHING = new Scope(Kind.EVERYTHING, null, null, null);
    public static final Scope NONE = new Scope(Kind.NONE, null, null, null);

    public static Scope unit(long unitId) {
        return new Scope(Kind.UNIT, unitId, null, null);
    }

    /** A school officer's scope also carries the unit the school sits in, for read-only context. */
    public static Scope school(long schoolId, long unitId) {
        return new Scope(Kind.SCHOOL, unitId, schoolId, null);
    }

    public static Scope partner(long partnerId, long homeUnitId) {
        return new Scope(Kind.PARTNER, homeUnitId, null, partnerId);
    }

    public boolean isEverything() {
        return kind == Kind.EVERYTHING;
    }
}
