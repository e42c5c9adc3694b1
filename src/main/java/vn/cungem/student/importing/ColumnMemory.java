package vn.cungem.student.importing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Scope;

/**
 * The column mappings people confirmed ({@code student_column_mapping}), remembered for the school of a school's
 * officer, or else for the uploader's unit (a district's list spans its schools), under the key of the header's folded
 * texts: next month's list in the same layout is read without a question.
 */
@Component
class ColumnMemory {

    private final JdbcClient jdbc;

    ColumnMemory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whose memory an uploader's mappings go to: their school, else their unit (0 for an administrator without). */
    record Owner(String kind, long id) {

        static Owner of(Caller caller) {
            Scope scope = caller.scope();
            if (scope.kind() == Scope.Kind.SCHOOL && scope.schoolId() != null) {
                return new Owner("SCHOOL", scope.schoolId());
            }
            return new Owner("UNIT", scope.unitId() == null ? 0 : scope.unitId());
        }
    }

    /** The mapping remembered for this layout, when one was confirmed and still fits its columns. */
    Optional<ColumnMapping> recall(Owner owner, SheetLayout layout) {
        return jdbc.sql("select fields from student_column_mapping where owner_kind = ? and owner_id = ?"
                        + " and header_key = ?")
                .params(owner.kind(), owner.id(), layout.key())
                .query(String.class)
                .optional()
                .map(text -> ColumnMapping.parse(text, layout.indexes()));
    }

    /** Remembers (or replaces) the mapping of this layout. */
    void remember(Owner owner, SheetLayout layout, ColumnMapping mapping, Long accountId) {
        String headers = ImportJobStore.cut(
                String.join(
                        " | ",
                        layout.columns().stream().map(ImportJob.Column::header).toList()),
                4000);
        String fields = mapping.text(layout.indexes());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int changed = jdbc.sql("update student_column_mapping set fields = ?, headers = ?, confirmed_by_account_id = ?,"
                        + " confirmed_at = ? where owner_kind = ? and owner_id = ? and header_key = ?")
                .params(fields, headers, accountId, now, owner.kind(), owner.id(), layout.key())
                .update();
        if (changed == 0) {
            try {
                jdbc.sql("insert into student_column_mapping (owner_kind, owner_id, header_key, headers, fields,"
                                + " confirmed_by_account_id, confirmed_at) values (?, ?, ?, ?, ?, ?, ?)")
                        .params(owner.kind(), owner.id(), layout.key(), headers, fields, accountId, now)
                        .update();
            } catch (DuplicateKeyException e) {
                // Confirmed at the same moment by another request: the first one stands.
            }
        }
    }
}
