package vn.cungem.allocation.engine;

/** An item the plan does not hand out, and why. */
public record ItemNote(long itemId, ItemKind kind, Why why) {}
