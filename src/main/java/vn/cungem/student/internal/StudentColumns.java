package vn.cungem.student.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.cungem.student.StudentDetails;

/**
 * The one list of the {@code student} columns that registration, editing and the importer's writers fill, with the
 * values each takes from a checked student. The repository's insert, update and select and the import's batched
 * statements and COPY are all built from these lists, so a new column is added in one place.
 */
public final class StudentColumns {

    /** Where a student is registered: set when registered, not changed by an edit by hand. */
    public static final List<String> PLACE = List.of("campaign_id", "school_id", "unit_id");

    /** What a person enters and what the registry derives from it, in the order of {@link #details}. */
    public static final List<String> DETAILS = List.of(
            "full_name",
            "name_folded",
            "name_sort",
            "birth_date",
            "gender",
            "personal_id_cipher",
            "personal_id_hash",
            "moet_code",
            "grade",
            "class_name",
            "home_unit_id",
            "address",
            "guardian_name",
            "guardian_phone",
            "categories",
            "device_situation",
            "connectivity",
            "needs_device",
            "needs_sim",
            "needs_data",
            "needs_wifi",
            "notes",
            "priority_score");

    /** Which file and row an imported student came from. */
    public static final List<String> SOURCE = List.of("source_import_id", "source_row");

    /** What registration by hand writes. */
    public static final List<String> REGISTERED = join(PLACE, DETAILS);

    /** What an import writes, in the order of {@link #imported}. */
    public static final List<String> IMPORTED = join(PLACE, DETAILS, SOURCE);

    private StudentColumns() {}

    /** The values of {@link #PLACE}, in order. */
    public static List<Object> place(long campaignId, StudentDetails d) {
        return List.of(campaignId, d.schoolId(), d.unitId());
    }

    /** The values of {@link #DETAILS}, in order (some are null). */
    public static List<Object> details(
            StudentDetails d, String personalIdCipher, String personalIdHash, int priorityScore) {
        List<Object> values = new ArrayList<>(DETAILS.size());
        values.add(d.fullName());
        values.add(d.nameFolded());
        values.add(d.nameSort());
        values.add(d.birthDate());
        values.add(d.gender().name());
        values.add(personalIdCipher);
        values.add(personalIdHash);
        values.add(d.moetCode());
        values.add(d.grade());
        values.add(d.className());
        values.add(d.homeUnitId());
        values.add(d.address());
        values.add(d.guardianName());
        values.add(d.guardianPhone() == null ? null : d.guardianPhone().national());
        values.add(d.categoriesColumn());
        values.add(d.deviceSituation().name());
        values.add(d.connectivity().name());
        values.add(d.needs().device());
        values.add(d.needs().sim());
        values.add(d.needs().data());
        values.add(d.needs().wifi());
        values.add(d.notes());
        values.add(priorityScore);
        return values;
    }

    /** The values of {@link #IMPORTED}, in order. */
    public static List<Object> imported(
            long campaignId,
            StudentDetails d,
            String personalIdCipher,
            String personalIdHash,
            int priorityScore,
            long sourceImportId,
            int sourceRow) {
        List<Object> values = new ArrayList<>(IMPORTED.size());
        values.addAll(place(campaignId, d));
        values.addAll(details(d, personalIdCipher, personalIdHash, priorityScore));
        values.add(sourceImportId);
        values.add(sourceRow);
        return values;
    }

    /** {@code a, b, c}. */
    public static String names(List<String> columns) {
        return String.join(", ", columns);
    }

    /** {@code s.a, s.b, s.c}. */
    public static String names(String alias, List<String> columns) {
        return columns.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    /** One {@code ?} per column. */
    public static String marks(List<String> columns) {
        return String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
    }

    /** {@code a = ?, b = ?} for an update. */
    public static String assignments(List<String> columns) {
        return columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "));
    }

    /** {@code a = u.a, b = u.b} for an update from another table. */
    public static String assignmentsFrom(String alias, List<String> columns) {
        return columns.stream().map(c -> c + " = " + alias + "." + c).collect(Collectors.joining(", "));
    }

    @SafeVarargs
    private static List<String> join(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }
}
