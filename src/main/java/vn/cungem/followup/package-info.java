/**
 * Follow-up after handover (theo dõi sau bàn giao, 002: learning followed up after handover): each device handed over
 * gets checks on the dates its campaign sets; the school records whether the student learns online and what goes wrong;
 * a problem becomes a support case for the volunteer teams of the school's area; a device can be returned (student
 * moved, left school, no longer needs it) through inventory's take-back. Managers see coverage per unit. Listens to
 * {@link vn.cungem.handover.DeviceHandedOver}; owns only the {@code followup_*} tables.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Follow-up (theo dõi sau bàn giao)",
        allowedDependencies = {
            "handover",
            "inventory",
            "student",
            "campaign",
            "organisation",
            "identity",
            "volunteer",
            "shared"
        })
package vn.cungem.followup;
