package vn.cungem.organisation;

/**
 * A level of the administrative tree as a deployment configures it. A lower {@code rank} sits higher in the tree
 * (central 0, province 1 …); a child's level must rank strictly below its parent's, but levels may be skipped.
 */
public record Level(String code, int rank, String nameVi, String nameEn) {}
