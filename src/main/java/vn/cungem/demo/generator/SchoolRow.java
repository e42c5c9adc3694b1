package vn.cungem.demo.generator;

/** A school to load, placed under the unit with {@code unitCode}. */
public record SchoolRow(
        String moetCode, String name, String schoolLevel, String ownership, String unitCode, String address) {}
