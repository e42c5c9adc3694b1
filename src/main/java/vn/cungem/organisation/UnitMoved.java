package vn.cungem.organisation;

/**
 * A unit moved, with everything below it, from under {@code oldParentId} (null: it was a top unit) to under {@code
 * newParentId}; published inside the move's transaction, after the tree has changed. Counts kept per unit and every
 * unit above it (the registry's students, the inventory's items) take the subtree's counts from the old parent's units
 * to the new parent's in the same transaction: a commune moving to another district (as in the 2025 reorganisation)
 * would otherwise stay counted where it was.
 */
public record UnitMoved(long unitId, Long oldParentId, long newParentId) {}
