package vn.cungem.student.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.cungem.shared.text.Bundles;
import vn.cungem.student.importing.SpreadsheetReader.SheetInfo;
import vn.cungem.student.importing.StudentImports.RowProblem;

/**
 * The uploaded sheets the import read written back with two more columns, “Kết quả kiểm tra” and “Lý do”, coloured green, yellow or
 * red, so a school can fix its own file and upload it again. Every cell is written as text: a cell that looked like
 * a formula ({@code =HYPERLINK(...)}) in the upload stays inert text in the copy.
 */
final class AnnotatedCopy {

    static final String OK_VI = Bundles.vi("import.annotated.OK");
    static final String WARNING_VI = Bundles.vi("import.annotated.WARNING");
    static final String ERROR_VI = Bundles.vi("import.annotated.ERROR");
    static final String SKIPPED_VI = Bundles.vi("import.annotated.SKIPPED");
    private static final String RESULT_VI = Bundles.vi("import.annotated.result");

    private AnnotatedCopy() {}

    /**
     * One sheet of the copy per sheet the import read ({@code sheets}, in the order read), named as in the upload when
     * there are several; a row's problem is found under its number in the import ({@link StudentSheet#SHEET_STRIDE}).
     */
    static void write(
            byte[] content,
            List<SheetInfo> sheets,
            Map<Integer, RowProblem> problems,
            boolean committed,
            OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "CungEm", "1.0");
        for (int i = 0; i < sheets.size(); i++) {
            boolean several = sheets.size() > 1;
            Worksheet ws = workbook.newWorksheet(several ? sheets.get(i).name() : RESULT_VI);
            int offset = several ? (i + 1) * StudentSheet.SHEET_STRIDE : 0;
            sheet(content, sheets.get(i).index(), ws, number -> problems.get(offset + number), committed);
            ws.finish();
        }
        workbook.finish();
    }

    private static void sheet(
            byte[] content,
            int sheetIndex,
            Worksheet ws,
            java.util.function.IntFunction<RowProblem> problems,
            boolean committed)
            throws IOException {
        int[] outRow = {0};
        int[] at = {-1};
        int headerRow = ImportPlan.headerRow(content, sheetIndex);
        try {
            SpreadsheetReader.read(content, sheetIndex, (number, cells) -> {
                int r = outRow[0]++;
                if (r > 0 && r % 10_000 == 0) {
                    try {
                        ws.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                boolean headerNow = at[0] < 0 && headerRow == number;
                if (headerNow) {
                    // The result goes right of the header's last column; wider data rows keep their extra cells after
                    // it.
                    at[0] = cells.size();
                }
                for (int c = 0; c < cells.size(); c++) {
                    String v = cells.get(c);
                    if (v != null && !v.isEmpty()) {
                        int column = at[0] >= 0 && c >= at[0] ? c + 2 : c;
                        ws.value(
                                r,
                                column,
                                v.length() > SpreadsheetReader.MAX_CELL_CHARS
                                        ? v.substring(0, SpreadsheetReader.MAX_CELL_CHARS)
                                        : v);
                    }
                }
                if (at[0] < 0) {
                    return;
                }
                if (headerNow) {
                    ws.value(r, at[0], RESULT_VI);
                    ws.value(r, at[0] + 1, Bundles.vi("import.annotated.reason"));
                    ws.style(r, at[0]).bold().set();
                    ws.style(r, at[0] + 1).bold().set();
                    ws.width(at[0], 16);
                    ws.width(at[0] + 1, 80);
                    return;
                }
                if (SpreadsheetReader.blank(cells) || isExample(cells)) {
                    return;
                }
                RowProblem p = problems.apply(number);
                String outcome = p == null ? "OK" : p.outcome();
                String label = switch (outcome) {
                    case "ERROR" -> ERROR_VI;
                    case "WARNING" -> WARNING_VI;
                    case "SKIPPED" -> SKIPPED_VI;
                    default -> OK_VI;
                };
                String colour = switch (outcome) {
                    case "ERROR" -> "F8CBAD";
                    case "WARNING" -> "FFE699";
                    case "SKIPPED" -> "D9D9D9";
                    default -> "C6EFCE";
                };
                ws.value(
                        r,
                        at[0],
                        committed && !"ERROR".equals(outcome) ? Bundles.vi("import.annotated.written", label) : label);
                ws.style(r, at[0]).fillColor(colour).set();
                if (p != null) {
                    ws.value(r, at[0] + 1, p.reasonsVi() + " / " + p.reasonsEn());
                    ws.style(r, at[0] + 1).fillColor(colour).wrapText(true).set();
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isExample(List<String> cells) {
        for (String c : cells) {
            if (StudentSheet.isExample(c)) {
                return true;
            }
        }
        return false;
    }
}
