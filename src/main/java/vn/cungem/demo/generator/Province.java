package vn.cungem.demo.generator;

/**
 * A province after the 2025 reform. {@code weight} is a rough relative number of communes (about 3,300 nationally),
 * used only to spread synthetic communes plausibly; it is not an official figure.
 */
public record Province(String code, String name, int weight) {}
