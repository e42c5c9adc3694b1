package vn.cungem.allocation.engine;

/** One item to one student, with the reason. */
public record Assignment(long itemId, long studentId, ItemKind kind, Why why) {}
