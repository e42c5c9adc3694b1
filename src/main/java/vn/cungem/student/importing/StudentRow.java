package vn.cungem.student.importing;

import java.util.Collections;
import java.util.List;
import vn.cungem.student.internal.StudentColumns;

/**
 * A student as the importer writes it: the values of {@link StudentColumns#IMPORTED} already computed (tidied name,
 * folded name, sort key, encrypted ID and its blind index, priority score), in that order. {@code id} is set when the
 * row updates a student.
 */
record StudentRow(Long id, List<Object> values) {

    StudentRow {
        if (values.size() != StudentColumns.IMPORTED.size()) {
            throw new IllegalArgumentException("expected the values of StudentColumns.IMPORTED");
        }
        values = Collections.unmodifiableList(values);
    }

    StudentRow withId(long studentId) {
        return new StudentRow(studentId, values);
    }

    /** The value of one of {@link StudentColumns#IMPORTED}. */
    Object value(String column) {
        return values.get(StudentColumns.IMPORTED.indexOf(column));
    }
}
