/**
 * Handover (bàn giao): devices reserved by an approved allocation plan are given to students, at school or at home, in
 * batches per school and day, and each one is recorded in a signed record (biên bản bàn giao) that a volunteer can make
 * without signal and send later. Reads reservations through {@link vn.cungem.inventory.Reservations}; publishes
 * {@link vn.cungem.handover.DeviceHandedOver} for follow-up.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Handover (bàn giao)",
        allowedDependencies = {
            "allocation",
            "student",
            "inventory",
            "campaign",
            "organisation",
            "identity",
            "volunteer",
            "shared"
        })
package vn.cungem.handover;
