package vn.cungem.inventory.connectivity;

import vn.cungem.shared.text.Labelled;

/** What connects a student's device: a SIM card, a data package (a code or a subscriber's plan), a 4G Wi-Fi device. */
public enum ConnectionKind implements Labelled {
    SIM,
    DATA_PACKAGE,
    WIFI_DEVICE
}
