/**
 * Donations: donors, pledges registered online (đăng ký ủng hộ), collection points with opening hours, what actually
 * arrives in kind (biên nhận), cash by VietQR transfer reconciled against the bank's statements, the cash ledger (sổ
 * quỹ) and purchases made with cash. Every gift carries a tracking code the donor can follow. Devices that arrive or are
 * bought are announced as events; the inventory module turns them into tagged items.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Donation (ủng hộ)",
        allowedDependencies = {"organisation", "campaign", "shared"})
package vn.cungem.donation;
