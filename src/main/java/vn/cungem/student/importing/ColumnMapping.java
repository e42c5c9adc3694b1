package vn.cungem.student.importing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.cungem.shared.InvalidValueException;

/**
 * Which field each column of a sheet is read into (by the column's index in the sheet); columns absent are not read.
 * As the header's words proposed it, or as the person confirmed it. Plain Java.
 */
record ColumnMapping(Map<Integer, StudentColumn> fields) {

    /** What the API and the page send for a column that is not to be read. */
    static final String IGNORE = "IGNORE";

    ColumnMapping {
        fields = Map.copyOf(fields);
    }

    /**
     * The fields the rows cannot do without that no column gives: the full name and the birth date; the school code
     * unless the uploader is a school's officer (their school is meant); the grade unless a class column gives it
     * ("6A6" is grade 6).
     */
    List<StudentColumn> missing(boolean schoolFixed) {
        Set<StudentColumn> given =
                fields.values().stream().collect(Collectors.toCollection(() -> EnumSet.noneOf(StudentColumn.class)));
        List<StudentColumn> out = new ArrayList<>();
        for (StudentColumn c : List.of(StudentColumn.FULL_NAME, StudentColumn.BIRTH_DATE)) {
            if (!given.contains(c)) {
                out.add(c);
            }
        }
        if (!schoolFixed && !given.contains(StudentColumn.SCHOOL_CODE)) {
            out.add(StudentColumn.SCHOOL_CODE);
        }
        if (!given.contains(StudentColumn.GRADE) && !given.contains(StudentColumn.CLASS_NAME)) {
            out.add(StudentColumn.GRADE);
        }
        return out;
    }

    /**
     * The person's choices over the layout's proposal: {@code choices} maps a column index to a field name or {@link
     * #IGNORE}; columns not mentioned keep what was proposed. Refused, with the reason, when a name is not a field, a
     * column is not in the header, a field is given twice, or a field the rows need is left out.
     */
    static ColumnMapping confirmed(SheetLayout layout, Map<Integer, String> choices, boolean schoolFixed) {
        Map<Integer, StudentColumn> fields =
                new LinkedHashMap<>(layout.proposed().fields());
        Set<Integer> indexes = Set.copyOf(layout.indexes());
        for (Map.Entry<Integer, String> choice : choices.entrySet()) {
            if (!indexes.contains(choice.getKey())) {
                throw InvalidValueException.of(
                        "student-import.columns", "studentImport.columns.noColumn", String.valueOf(choice.getKey()));
            }
            String name = choice.getValue() == null ? IGNORE : choice.getValue().strip();
            if (name.isEmpty() || name.equalsIgnoreCase(IGNORE)) {
                fields.remove(choice.getKey());
                continue;
            }
            try {
                fields.put(choice.getKey(), StudentColumn.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw InvalidValueException.of("student-import.columns", "studentImport.columns.noField", name);
            }
        }
        Map<StudentColumn, Integer> seen = new java.util.EnumMap<>(StudentColumn.class);
        for (Map.Entry<Integer, StudentColumn> e : fields.entrySet()) {
            Integer other = seen.put(e.getValue(), e.getKey());
            if (other != null) {
                throw InvalidValueException.of(
                        "student-import.columns",
                        "studentImport.columns.twice",
                        e.getValue().headerVi(),
                        e.getValue().headerEn());
            }
        }
        ColumnMapping mapping = new ColumnMapping(fields);
        List<StudentColumn> missing = mapping.missing(schoolFixed);
        if (!missing.isEmpty()) {
            throw InvalidValueException.of(
                    "student-import.columns",
                    "studentImport.columns.missing",
                    missing.stream().map(StudentColumn::headerVi).collect(Collectors.joining(", ")),
                    missing.stream().map(StudentColumn::headerEn).collect(Collectors.joining(", ")));
        }
        return mapping;
    }

    /** Stored by position among the header's columns: "FULL_NAME|-|BIRTH_DATE". */
    String text(List<Integer> indexes) {
        List<String> out = new ArrayList<>();
        for (int index : indexes) {
            StudentColumn f = fields.get(index);
            out.add(f == null ? "-" : f.name());
        }
        return String.join("|", out);
    }

    /** The mapping stored by {@link #text}, over a header with these column indexes; null when it does not fit. */
    static ColumnMapping parse(String text, List<Integer> indexes) {
        String[] parts = text.split("\\|", -1);
        if (parts.length != indexes.size()) {
            return null;
        }
        Map<Integer, StudentColumn> fields = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].equals("-")) {
                try {
                    fields.put(indexes.get(i), StudentColumn.valueOf(parts[i]));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return new ColumnMapping(fields);
    }
}
