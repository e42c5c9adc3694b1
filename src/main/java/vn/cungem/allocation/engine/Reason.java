package vn.cungem.allocation.engine;

/** Why a decision was taken; each has its sentence in the allocation bundle ({@code allocation.why.<NAME>}). */
public enum Reason {
    /** Got the first kind of device preferred for their level. */
    SERVED,
    /** Got a device, but not the kind preferred for their level: none that suits was left. */
    SERVED_FALLBACK,
    /** A SIM or Wi-Fi device with the device, for a home without internet. */
    CONNECTIVITY,
    /** A sibling at the same address received the household's device. */
    SHARES_WITH_SIBLING,
    /** The district's devices all went to students ranked higher. */
    QUOTA_USED_UP,
    /** The district has no device in this run (its quotas are 0, by the split or by a manager). */
    NO_DEVICE_FOR_DISTRICT,
    /** Devices were left, but none this student's level can use, once higher-ranked students are served. */
    NO_SUITABLE_ITEM,
    /** Got a device, has no internet at home, and no SIM or Wi-Fi device was left. */
    NO_CONNECTIVITY_LEFT,
    /** An item no district needs: every district's need of this kind is met. */
    NOT_NEEDED,
    /** An item in a district's quota that suits no student still waiting there. */
    NO_SUITABLE_STUDENT,
    /** A SIM or Wi-Fi device left over: every served student of the district without internet has one. */
    NO_STUDENT_WITHOUT_INTERNET;

    public boolean served() {
        return this == SERVED || this == SERVED_FALLBACK || this == SHARES_WITH_SIBLING || this == NO_CONNECTIVITY_LEFT;
    }
}
