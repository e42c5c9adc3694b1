/**
 * Inventory: every device received or bought becomes one tagged item (a QR label) with a lifecycle that starts at
 * "received"; books, notebooks and supplies are counted as stock. Listens to the donation module's events; the
 * refurbishment lifecycle (inspection, wiping, repair, software) grows here in the inventory issue.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Inventory (kho)",
        allowedDependencies = {"donation", "organisation", "campaign", "shared"})
package vn.cungem.inventory;
