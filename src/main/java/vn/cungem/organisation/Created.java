package vn.cungem.organisation;

/**
 * The result of a create: the record, and whether this call created it ({@code false} when the same create was retried
 * and the existing record is returned instead of a duplicate).
 */
public record Created<T>(T value, boolean created) {}
