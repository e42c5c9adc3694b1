package vn.cungem.allocation.engine;

/**
 * The campaign's allocation rules. {@code siblingsShareDevice}: siblings at one address (same household key) count as
 * one claim, served through the highest-priority of them (issue 14: "siblings at one address share one device unless
 * the campaign says otherwise"). {@code connectivityWithDevice}: a student without internet gets a SIM or Wi-Fi device
 * with their device while such items remain.
 */
public record Rules(boolean siblingsShareDevice, boolean connectivityWithDevice) {

    public static final Rules DEFAULT = new Rules(true, true);
}
