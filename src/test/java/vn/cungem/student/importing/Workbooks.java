package vn.cungem.student.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds XLSX files for tests with fastexcel, and rewrites their parts to craft hostile ones. */
final class Workbooks {

    private Workbooks() {}

    /** One workbook; each sheet is a name and its rows (strings; a cell starting "#n" is written as that number). */
    static byte[] xlsx(List<Sheet> sheets) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(out, "CungEm", "1.0");
            for (Sheet s : sheets) {
                Worksheet ws = workbook.newWorksheet(s.name());
                for (int r = 0; r < s.rows().size(); r++) {
                    List<String> row = s.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        String v = row.get(c);
                        if (v == null) {
                            continue;
                        }
                        if (v.startsWith("#n")) {
                            ws.value(r, c, new java.math.BigDecimal(v.substring(2)));
                        } else if (v.startsWith("#f")) {
                            ws.formula(r, c, v.substring(2));
                        } else {
                            ws.value(r, c, v);
                        }
                    }
                }
                ws.finish();
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xlsx(List<List<String>> rows, String sheet) {
        return xlsx(List.of(new Sheet(sheet, rows)));
    }

    record Sheet(String name, List<List<String>> rows) {}

    /** Copies the zip, replacing the text of the entry named; read through the central directory as Excel does. */
    static byte[] rewrite(byte[] xlsx, String entryName, UnaryOperator<String> change) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipFile in = zip(xlsx);
                    ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                    byte[] data = in.getInputStream(entry).readAllBytes();
                    if (entry.getName().equals(entryName)) {
                        data = change.apply(new String(data, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(data);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String entry(byte[] xlsx, String entryName) {
        try (ZipFile in = zip(xlsx)) {
            ZipEntry entry = in.getEntry(entryName);
            return new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ZipFile zip(byte[] xlsx) throws IOException {
        Path temp = Files.createTempFile("test", ".xlsx");
        Files.write(temp, xlsx);
        temp.toFile().deleteOnExit();
        return new ZipFile(temp.toFile());
    }
}
