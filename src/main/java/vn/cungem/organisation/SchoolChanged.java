package vn.cungem.organisation;

/**
 * A school moved to another unit or changed its level (a primary school becoming an inter-level school), published
 * inside the change's transaction, after it. The registry's students follow their school's unit in the database (the
 * foreign key cascades); what the registry keeps per unit and school level follows through this event.
 */
public record SchoolChanged(long schoolId, long oldUnitId, long newUnitId, String oldLevel, String newLevel) {}
