package vn.cungem.shared.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds, at test time, small XLSX files that would take far more memory to read than their size suggests. Nothing
 * big is ever held: the parts are streamed into the zip.
 */
public final class HostileWorkbooks {

    private HostileWorkbooks() {}

    /**
     * A workbook of one sheet whose only row refers to the last of {@code strings} shared strings, each {@code
     * stringChars} characters of Vietnamese text repeated: a reader that resolves the cell must load the whole table.
     */
    public static byte[] sharedStringsBomb(int strings, int stringChars) {
        String text = "Nguyễn Thị Ánh Dương chuyển khoản ủng hộ học sinh "
                .repeat(stringChars / 50 + 1)
                .substring(0, stringChars);
        byte[] one = ("<si><t>" + text + "</t></si>").getBytes(StandardCharsets.UTF_8);
        String sheet = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>" + (strings - 1)
                + "</v></c></row>";
        return workbook(sheet, out -> {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\""
                            + strings + "\" uniqueCount=\"" + strings + "\">")
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < strings; i++) {
                out.write(one);
            }
            out.write("</sst>".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A workbook whose sheet XML is {@code rowsXml} and which has the shared strings {@code sharedStrings} writes. */
    public static byte[] workbook(String rowsXml, Part sharedStrings) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                text(zip, "[Content_Types].xml", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                        <Default Extension="xml" ContentType="application/xml"/>\
                        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                        <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                        </Types>""");
                text(zip, "_rels/.rels", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                        </Relationships>""");
                text(zip, "xl/workbook.xml", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                        <sheets><sheet name="Sao kê" sheetId="1" r:id="rId1"/></sheets></workbook>""");
                text(zip, "xl/_rels/workbook.xml.rels", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                        </Relationships>""");
                text(zip, "xl/worksheets/sheet1.xml", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""" + rowsXml + "</sheetData></worksheet>");
                zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
                sharedStrings.write(zip);
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shared strings {@code strings} (plain text, no markup). */
    public static Part strings(String... strings) {
        return out -> {
            StringBuilder xml = new StringBuilder(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            for (String s : strings) {
                xml.append("<si><t>").append(s).append("</t></si>");
            }
            out.write(xml.append("</sst>").toString().getBytes(StandardCharsets.UTF_8));
        };
    }

    private static void text(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Writes one part's bytes. */
    @FunctionalInterface
    public interface Part {
        void write(OutputStream out) throws IOException;
    }

    /** Bytes this thread allocated so far (HotSpot's per-thread counter). */
    public static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }
}
