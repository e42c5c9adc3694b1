package vn.cungem.organisation;

public enum Ownership {
    PUBLIC,
    PRIVATE
}
