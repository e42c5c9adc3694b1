/**
 * Allocation (phân bổ): brings ready devices to approved students. The engine ({@code allocation.engine}, plain Java
 * with no Spring, database or clock) splits each kind of item among districts by priority-weighted need (quotas,
 * largest remainder), then matches items to students inside each district: suitability by school level, then
 * distance, one device per student, a SIM or Wi-Fi device for a home without internet, siblings sharing one device.
 * Every decision carries its explanation, worded from the {@code i18n/allocation} bundle by {@link
 * vn.cungem.allocation.Explanations}. See docs/allocation.md.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Allocation (phân bổ)",
        allowedDependencies = {"student", "inventory", "campaign", "organisation", "shared"})
package vn.cungem.allocation;
