package vn.cungem.shared.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import vn.cungem.shared.InvalidValueException;

/**
 * How many rows each sheet of a workbook stores, counted in the sheet's XML without reading its cells. A person waits
 * for this on upload, and reading every cell of a 100,000-row list (shared strings looked up, numbers parsed) cost as
 * much CPU as the check that follows reads it again (2.7 s; issue 11). What is counted is what the reader streams: the
 * {@code row} elements. The rows' widths and the row bound are checked again as the rows are read. A workbook whose
 * sheets cannot be found this way (an unusual package layout) is counted by reading it, as before.
 */
final class XlsxRowCount {

    private static final String RELATIONSHIPS = "xl/_rels/workbook.xml.rels";
    private static final URI WORKBOOK = URI.create("/xl/workbook.xml");
    private static final int MAX_RELATIONSHIPS_BYTES = 1 << 20;
    private static final Pattern RELATIONSHIP = Pattern.compile("<(?:[\\w.-]+:)?Relationship\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(Id|Target)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    private XlsxRowCount() {}

    /** For a workbook {@link SpreadsheetGuard} has passed. */
    static List<TabularReader.SheetInfo> sheets(byte[] content, TabularOptions options) {
        List<Sheet> sheets;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            sheets = workbook.getSheets().toList();
        } catch (IOException | RuntimeException e) {
            throw SpreadsheetGuard.unreadable();
        }
        List<TabularReader.SheetInfo> counted;
        try {
            counted = SpreadsheetGuard.withZip(content, zip -> count(zip, sheets, options));
        } catch (InvalidValueException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw SpreadsheetGuard.unreadable();
        }
        return counted != null ? counted : XlsxRows.sheets(content, options);
    }

    /** Null when a sheet's part is not where the workbook's relationships say. */
    private static List<TabularReader.SheetInfo> count(ZipFile zip, List<Sheet> sheets, TabularOptions options)
            throws IOException {
        Map<String, ZipEntry> entries = new HashMap<>();
        zip.stream().forEach(e -> entries.putIfAbsent(e.getName().toLowerCase(Locale.ROOT), e));
        ZipEntry rels = entries.get(RELATIONSHIPS);
        if (rels == null) {
            return null;
        }
        Map<String, String> parts = parts(zip, rels);
        List<TabularReader.SheetInfo> out = new ArrayList<>(sheets.size());
        for (Sheet sheet : sheets) {
            String part = parts.get(sheet.getId());
            ZipEntry entry = part == null ? null : entries.get(part);
            if (entry == null) {
                return null;
            }
            int rows;
            try (InputStream in = zip.getInputStream(entry)) {
                rows = RowTags.count(in, options.maxRowNumber());
            }
            if (rows > options.maxRowNumber()) {
                throw options.tooManyRows().get();
            }
            out.add(new TabularReader.SheetInfo(sheet.getIndex(), sheet.getName(), rows));
        }
        return out;
    }

    /** Relationship id to the part's name in the zip (lower case, no leading slash). */
    private static Map<String, String> parts(ZipFile zip, ZipEntry rels) throws IOException {
        String xml;
        try (InputStream in = zip.getInputStream(rels)) {
            xml = new String(in.readNBytes(MAX_RELATIONSHIPS_BYTES), StandardCharsets.UTF_8);
        }
        Map<String, String> parts = new HashMap<>();
        Matcher relationship = RELATIONSHIP.matcher(xml);
        while (relationship.find()) {
            String id = null;
            String target = null;
            Matcher attribute = ATTRIBUTE.matcher(relationship.group(1));
            while (attribute.find()) {
                String value = attribute.group(2) != null ? attribute.group(2) : attribute.group(3);
                if (attribute.group(1).equals("Id")) {
                    id = value;
                } else {
                    target = value;
                }
            }
            if (id != null && target != null) {
                try {
                    String path = WORKBOOK.resolve(target).normalize().getPath();
                    if (path != null) {
                        parts.put(id, path.replaceFirst("^/+", "").toLowerCase(Locale.ROOT));
                    }
                } catch (IllegalArgumentException e) {
                    // a target that is no path (an external link): not a sheet
                }
            }
        }
        return parts;
    }

    /** Counts the start tags named {@code row} (with or without a namespace prefix) in a stream of XML bytes. */
    static final class RowTags {
        private static final int NAME = 16;

        private RowTags() {}

        /** Stops counting past {@code bound}: the caller refuses the file then, and the rest need not be inflated. */
        static int count(InputStream in, int bound) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            byte[] name = new byte[NAME];
            int length = -1; // -1: not in a tag name
            int rows = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '<') {
                        length = 0;
                    } else if (length >= 0) {
                        if (b == ' ' || b == '>' || b == '/' || b == '\t' || b == '\n' || b == '\r') {
                            if (length > 0 && isRow(name, length)) {
                                if (++rows > bound) {
                                    return rows;
                                }
                            }
                            length = -1;
                        } else if (length < NAME) {
                            name[length++] = b;
                        } else {
                            length = -1; // a name this long is not "row"
                        }
                    }
                }
            }
            return rows;
        }

        private static boolean isRow(byte[] name, int length) {
            if (length < 3 || name[length - 3] != 'r' || name[length - 2] != 'o' || name[length - 1] != 'w') {
                return false;
            }
            return length == 3 || name[length - 4] == ':';
        }
    }
}
