package vn.cungem.organisation;

/**
 * One step of a breadcrumb. {@code visible} says whether the caller may open that unit; ancestors above a manager's
 * own unit are shown as plain text.
 */
public record Crumb(long id, String code, String name, boolean visible) {}
