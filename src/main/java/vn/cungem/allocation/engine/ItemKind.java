package vn.cungem.allocation.engine;

import java.util.List;

/** The kinds of ready item the engine hands out: four devices, and two ways to get online. */
public enum ItemKind {
    LAPTOP,
    DESKTOP_SET,
    TABLET,
    SMARTPHONE,
    SIM_4G,
    WIFI_DEVICE;

    static final List<ItemKind> DEVICES = List.of(LAPTOP, DESKTOP_SET, TABLET, SMARTPHONE);

    /** Quotas for connectivity are split in this order; a SIM is the cheaper way to get a student online. */
    static final List<ItemKind> CONNECTIVITY = List.of(SIM_4G, WIFI_DEVICE);

    public boolean isDevice() {
        return DEVICES.contains(this);
    }

    /**
     * Which device a student of this level should get first (issue 14: "an upper-secondary student gets a laptop or
     * desktop before a smartphone while one is available"); a primary pupil is best served by a tablet.
     */
    static List<ItemKind> preferredFor(SchoolLevel level) {
        return switch (level) {
            case UPPER_SECONDARY -> List.of(LAPTOP, DESKTOP_SET, TABLET, SMARTPHONE);
            case LOWER_SECONDARY -> List.of(LAPTOP, TABLET, DESKTOP_SET, SMARTPHONE);
            case PRIMARY -> List.of(TABLET, LAPTOP, DESKTOP_SET, SMARTPHONE);
        };
    }

    /** A computer goes online through a Wi-Fi device; a phone or tablet takes the SIM itself. */
    List<ItemKind> connectivityFor() {
        return this == LAPTOP || this == DESKTOP_SET ? List.of(WIFI_DEVICE, SIM_4G) : List.of(SIM_4G, WIFI_DEVICE);
    }
}
