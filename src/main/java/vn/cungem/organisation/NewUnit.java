package vn.cungem.organisation;

/** A unit to create: official code, name, level code, and the parent's id (null only for a root, admins only). */
public record NewUnit(String code, String name, String levelCode, Long parentId) {}
