package vn.cungem.student;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.text.VietnameseText;

/**
 * A student in need after checking: every field normalised and typed, ready to be written as a {@code student} row by
 * the service or the importer. Nullable: personal id, MOET code, class, home unit, address, guardian, phone, notes.
 */
public record StudentDetails(
        String fullName,
        LocalDate birthDate,
        Gender gender,
        PersonalIdNumber personalId,
        String moetCode,
        long schoolId,
        long unitId,
        int grade,
        String className,
        Long homeUnitId,
        String address,
        String guardianName,
        PhoneNumber guardianPhone,
        Set<String> categories,
        DeviceSituation deviceSituation,
        Connectivity connectivity,
        Needs needs,
        String notes) {

    public StudentDetails {
        categories = Collections.unmodifiableSortedSet(new TreeSet<>(categories));
    }

    /** For diacritic-insensitive search and the likely-duplicate key. */
    public String nameFolded() {
        return VietnameseText.fold(fullName);
    }

    /** Vietnamese dictionary order key ({@code name_sort}). */
    public String nameSort() {
        return VietnameseText.sortKey(fullName);
    }

    /** The {@code categories} column: codes sorted and comma separated, {@code ""} when none. */
    public String categoriesColumn() {
        return String.join(",", (SortedSet<String>) categories);
    }

    public PriorityScore priority(List<PriorityCategory> weights) {
        return PriorityScore.of(categories, weights, needs, deviceSituation, connectivity);
    }

    /** Reads the {@code categories} column back. */
    public static Set<String> categoriesFromColumn(String column) {
        TreeSet<String> codes = new TreeSet<>();
        if (column != null) {
            for (String code : column.split(",")) {
                if (!code.isBlank()) {
                    codes.add(code.strip());
                }
            }
        }
        return codes;
    }
}
