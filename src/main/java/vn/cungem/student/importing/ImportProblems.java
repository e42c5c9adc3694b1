package vn.cungem.student.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.student.importing.StudentImports.ProblemPage;
import vn.cungem.student.importing.StudentImports.RowProblem;

/** The rows of the preview that are not OK ({@code student_import_row}), as the page and the annotated copy read them. */
@Component
class ImportProblems {

    private static final String SELECT =
            "select row_number, outcome, full_name, reasons_vi, reasons_en from student_import_row where import_id = ?";

    private final JdbcClient jdbc;

    ImportProblems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows with errors first, then warnings, each in file order; {@code outcome} ERROR or WARNING keeps only those. */
    ProblemPage page(long importId, String outcome, int page, int size) {
        int safeSize = Math.max(1, Math.min(size, 500));
        int safePage = Math.max(0, page);
        String filter = "ERROR".equals(outcome) || "WARNING".equals(outcome) ? " and outcome = '" + outcome + "'" : "";
        long total = jdbc.sql("select count(*) from student_import_row where import_id = ?" + filter)
                .param(importId)
                .query(Long.class)
                .single();
        List<RowProblem> rows = jdbc.sql(SELECT + filter
                        + " order by case when outcome = 'ERROR' then 0 else 1 end, row_number limit ? offset ?")
                .params(importId, safeSize, (long) safePage * safeSize)
                .query(ImportProblems::problem)
                .list();
        return new ProblemPage(rows, safePage, safeSize, total);
    }

    /** Every row that is not OK, by its number in the file. */
    Map<Integer, RowProblem> all(long importId) {
        Map<Integer, RowProblem> problems = new HashMap<>();
        jdbc.sql(SELECT).param(importId).query(ImportProblems::problem).list().forEach(p -> problems.put(p.row(), p));
        return problems;
    }

    private static RowProblem problem(ResultSet rs, int n) throws SQLException {
        return new RowProblem(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
