package vn.cungem.campaign;

import vn.cungem.shared.text.Labelled;

/** What a campaign accepts from donors, as the source plans list it. */
public enum ItemType implements Labelled {
    LAPTOP,
    DESKTOP_SET,
    TABLET,
    SMARTPHONE,
    SIM_4G,
    // 004: "USB Wi-fi"; 001: connection devices matched to the devices given
    WIFI_DEVICE,
    DATA_PACKAGE,
    // 000: "sách, tập" — traditional learning supplies too
    BOOKS_AND_SUPPLIES,
    CASH;

    public boolean isDevice() {
        return this == LAPTOP || this == DESKTOP_SET || this == TABLET || this == SMARTPHONE;
    }
}
