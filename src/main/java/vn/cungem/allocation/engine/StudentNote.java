package vn.cungem.allocation.engine;

/** A student's outcome that is not an item: left out, sharing a sibling's device, or short of connectivity. */
public record StudentNote(long studentId, Why why) {}
