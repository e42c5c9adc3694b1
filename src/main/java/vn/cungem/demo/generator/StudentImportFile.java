package vn.cungem.demo.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.cungem.shared.text.Formats;

/**
 * A school's list of students in need as the needs-registry import reads it: 15 columns with the template's Vietnamese
 * headers (name, birth date, gender, personal ID, MOET student code, school code, grade, class, home commune, address,
 * guardian, phone, categories, device situation, connectivity), as XLSX or UTF-8 CSV. The three columns the older
 * {@code students.csv} lacks are derived from the record, so the same seed always gives the same file.
 */
public final class StudentImportFile {

    public static final String[] HEADERS = {
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Số định danh cá nhân",
        "Mã học sinh",
        "Mã trường",
        "Khối",
        "Lớp",
        "Xã/phường cư trú",
        "Địa chỉ",
        "Họ tên người giám hộ",
        "SĐT người giám hộ",
        "Diện ưu tiên",
        "Tình trạng thiết bị",
        "Kết nối Internet"
    };

    private static final String[] DEVICE = {"Chưa có thiết bị", "Thiết bị hỏng", "Dùng chung với anh chị em"};
    private static final String[] CONNECTIVITY = {"Có internet tại nhà", "Dùng dữ liệu di động", "Không có kết nối"};

    private StudentImportFile() {}

    public static String[] cells(StudentRecord s) {
        int h = Math.floorMod(s.personalId().hashCode(), 1_000_003);
        return new String[] {
            s.fullName(),
            Formats.date(s.dateOfBirth()),
            s.female() ? "Nữ" : "Nam",
            s.personalId(),
            // Mã học sinh: 10 digits in the MOET database; a few students have none yet.
            h % 10 == 0
                    ? ""
                    : String.format("%010d", Long.parseLong(s.personalId().substring(2)) % 10_000_000_000L),
            s.schoolCode(),
            Integer.toString(s.grade()),
            s.className(),
            s.communeCode(),
            s.address(),
            s.guardianName(),
            s.guardianPhone(),
            String.join(
                    "; ",
                    s.categories().stream().map(StudentImportFile::categoryName).toList()),
            DEVICE[h % 3],
            CONNECTIVITY[(h / 3) % 3]
        };
    }

    /**
     * A category as the file names it: a comma inside a name (Con thương binh, liệt sĩ) would split it in two, since a
     * cell lists several categories separated by commas or semicolons.
     */
    public static String categoryName(String name) {
        return name.replace(", ", " - ");
    }

    /** Streams the students given to {@code source} into an XLSX file (one sheet, header on row 1). */
    public static void writeXlsx(Consumer<Consumer<StudentRecord>> source, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "CungEm", "1.0");
            Worksheet sheet = workbook.newWorksheet("Danh sách");
            for (int c = 0; c < HEADERS.length; c++) {
                sheet.value(0, c, HEADERS[c]);
            }
            int[] row = {1};
            source.accept(s -> {
                String[] cells = cells(s);
                for (int c = 0; c < cells.length; c++) {
                    sheet.value(row[0], c, cells[c]);
                }
                if (++row[0] % 10_000 == 0) {
                    flush(sheet);
                }
            });
            sheet.finish();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same as UTF-8 CSV with a byte order mark (what Excel's “CSV UTF-8” writes). */
    public static void writeCsv(Consumer<Consumer<StudentRecord>> source, OutputStream out) {
        try {
            Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            writer.write(Csv.line(HEADERS));
            writer.write("\r\n");
            source.accept(s -> {
                try {
                    writer.write(Csv.line(cells(s)));
                    writer.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
