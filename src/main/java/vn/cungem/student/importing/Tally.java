package vn.cungem.student.importing;

import static vn.cungem.student.importing.ImportJobStore.cut;

import java.util.ArrayList;
import java.util.List;
import vn.cungem.shared.text.Bundles;

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
    int skipped;
    /** At the preview: the digest of what the rows were checked against ({@link ImportRuns}); null after a commit. */
    String checkedWith;
    /** Rows the preview staged for the commit (see {@link StagedRows#stage}). */
    int staged;

    List<String> ignoredHeaders = List.of();
    List<StudentColumn> missingColumns = List.of();
    final List<Object[]> problems = new ArrayList<>();

    /** Rows that are not students beyond this many are counted, not listed: a file of totals is not a preview. */
    static final int SKIPS_LISTED = 2_000;

    /** The rows that are not students, each with its reason in both languages (the preview shows them). */
    void skipped(long importId, List<StudentSheet.Skipped> rows) {
        for (StudentSheet.Skipped r : rows) {
            skipped++;
            if (skipped <= SKIPS_LISTED) {
                String key = "studentImport.skip." + r.reason().name();
                problems.add(new Object[] {
                    importId, r.number(), "SKIPPED", cut(r.text(), 200), Bundles.vi(key), Bundles.en(key)
                });
            }
        }
    }

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
