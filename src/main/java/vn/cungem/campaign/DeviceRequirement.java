package vn.cungem.campaign;

/** A condition donated items must meet; {@code itemType} null means it applies to every device. */
public record DeviceRequirement(ItemType itemType, String textVi, String textEn) {}
