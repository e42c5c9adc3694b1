package vn.cungem.student.importing;

import static vn.cungem.student.importing.ImportJobStore.cut;

import java.util.ArrayList;
import java.util.List;

/** What a run found, counted chunk by chunk; only the rows to show in the preview (not OK) are kept. */
final class Tally {
    int rows;
    int ok;
    int warnings;
    int errors;
    int duplicates;
    int likely;
    int inserted;
    int updated;
    List<String> ignoredHeaders = List.of();
    List<StudentColumn> missingColumns = List.of();
    final List<Object[]> problems = new ArrayList<>();

    void add(long importId, List<CheckedRow> chunk) {
        for (CheckedRow r : chunk) {
            rows++;
            switch (r.outcome) {
                case OK -> ok++;
                case WARNING -> warnings++;
                case ERROR -> errors++;
            }
            if (r.outcome != CheckedRow.Outcome.ERROR && r.studentId != null) {
                duplicates++;
            }
            if (r.likelyDuplicate && r.outcome != CheckedRow.Outcome.ERROR) {
                likely++;
            }
            if (r.outcome != CheckedRow.Outcome.OK) {
                problems.add(new Object[] {
                    importId,
                    r.number,
                    r.outcome.name(),
                    cut(r.name, 200),
                    cut(r.reasonsVi(), 2000),
                    cut(r.reasonsEn(), 2000)
                });
            }
        }
    }
}
