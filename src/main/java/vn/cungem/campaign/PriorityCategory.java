package vn.cungem.campaign;

/** A group of students served first, with the weight the priority score gives it (0–1000). */
public record PriorityCategory(String code, String nameVi, String nameEn, int weight) {}
