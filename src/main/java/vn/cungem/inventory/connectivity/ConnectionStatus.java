package vn.cungem.inventory.connectivity;

import vn.cungem.shared.text.Labelled;

/** Where a SIM, package or Wi-Fi device stands with its operator; a problem always carries the operator's reason. */
public enum ConnectionStatus implements Labelled {
    NOT_ACTIVATED,
    ACTIVATED,
    PROBLEM,
    EXPIRED
}
