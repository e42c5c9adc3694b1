package vn.cungem.shared.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Bounds what reading an uploaded spreadsheet may hold, before it is read. An XLSX file is a zip: its central directory
 * is looked at first (how many parts, the size each part declares and how much it is compressed), then every part is
 * inflated once into a small buffer and counted, without keeping anything: the bytes that really come out (a crafted
 * zip can declare false sizes), the strings of the shared-strings table (which the reader keeps in memory for the whole
 * read), the longest text between two XML tags (a cell), and a DOCTYPE (entity expansion). A CSV file is scanned for
 * its rows, its columns and its longest cell the same way. Only a file within all bounds is handed to the reader,
 * which then also stops at its own number of rows and at {@link Limits#maxColumns()} cells a row.
 *
 * <p>Numbers from real files: a 200,000-row student list of 17 columns (22 MB) unpacks to a 110 MB sheet and a 59 MB
 * shared-strings table, compressed 7× and 9×; the hostile statement of issue 9 was 830 KB unpacking to a 380 MB table
 * (460×).
 */
public final class SpreadsheetGuard {

    /** How much a read may take. {@link #DEFAULT} fits every real list and statement; a reader may ask for less. */
    public record Limits(
            long maxUnzippedBytes,
            long maxSheetBytes,
            long maxSharedStringsBytes,
            int maxSharedStrings,
            int maxRatio,
            int maxCellBytes,
            int maxColumns,
            int maxZipEntries) {

        public static final Limits DEFAULT = new Limits(
                300L << 20, // all parts together
                200L << 20, // one sheet's XML (the 200,000-row list: 110 MB)
                80L << 20, // the shared-strings table, held in memory by the reader (the 200,000-row list: 59 MB)
                3_000_000, // strings in that table
                100, // how much a part of more than 1 MB may be compressed (real parts: 5-20)
                128 * 1024, // one text between two tags (Excel itself stops a cell at 32,767 characters)
                512, // cells of a row (the student template has 17)
                2_000);

        public Limits withSizes(long unzipped, long sheet, long sharedStrings) {
            return new Limits(
                    unzipped,
                    sheet,
                    sharedStrings,
                    maxSharedStrings,
                    maxRatio,
                    maxCellBytes,
                    maxColumns,
                    maxZipEntries);
        }

        /** The same with another bound on one text; a reader that cuts long cells as it streams needs none. */
        public Limits withCellBytes(int cellBytes) {
            return new Limits(
                    maxUnzippedBytes,
                    maxSheetBytes,
                    maxSharedStringsBytes,
                    maxSharedStrings,
                    maxRatio,
                    cellBytes,
                    maxColumns,
                    maxZipEntries);
        }
    }

    /** What the inspection of an XLSX file measured; {@link #sharedStringsBytes} is what the reader will hold. */
    public record Inspection(long unzippedBytes, long sharedStringsBytes, int sharedStrings) {}

    private static final long SMALL_PART = 1L << 20;
    private static final String SHARED_STRINGS = "xl/sharedstrings.xml";

    private SpreadsheetGuard() {}

    public static boolean isZip(byte[] c) {
        return c != null && c.length > 4 && c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4;
    }

    /**
     * Inspects an XLSX file and refuses it, with a message saying why, when reading it would take more than the limits
     * allow or when it is not a workbook. Reads the parts once through a 64 KB buffer; keeps none of them.
     */
    public static Inspection inspectXlsx(byte[] content, Limits limits) {
        try {
            return withZip(content, zip -> inspect(zip, limits));
        } catch (SpreadsheetRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SpreadsheetGuard.class).debug("Unreadable zip", e);
            throw unreadable();
        }
    }

    /**
     * The size the shared-strings table of an already inspected file declares (the inspection made sure no part gives
     * more than it declares), from the zip's directory alone.
     */
    public static long declaredSharedStringsBytes(byte[] content) {
        try {
            return withZip(content, zip -> {
                var entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.getName().toLowerCase(Locale.ROOT).equals(SHARED_STRINGS)) {
                        return entry.getSize() < 0 ? Limits.DEFAULT.maxSharedStringsBytes() : entry.getSize();
                    }
                }
                return 0L;
            });
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
    }

    interface ZipWork<T> {
        T apply(ZipFile zip) throws IOException;
    }

    /**
     * Opens the content as a zip through its central directory, as Excel does (a streaming ZipInputStream cannot read
     * stored entries with data descriptors, which some writers, fastexcel among them, produce); that needs a file.
     */
    static <T> T withZip(byte[] content, ZipWork<T> work) throws IOException {
        Path temp = Files.createTempFile("bang-tinh", ".xlsx");
        try {
            Files.write(temp, content);
            try (ZipFile zip = new ZipFile(temp.toFile())) {
                return work.apply(zip);
            }
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                temp.toFile().deleteOnExit();
            }
        }
    }

    private static Inspection inspect(ZipFile zip, Limits limits) throws IOException {
        // First what the directory declares: a bomb is usually refused here, before one byte is inflated.
        if (zip.size() > limits.maxZipEntries()) {
            throw bomb();
        }
        long declaredTotal = 0;
        boolean workbook = false;
        var entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName().toLowerCase(Locale.ROOT);
            workbook |= name.equals("xl/workbook.xml");
            long size = entry.getSize();
            if (size < 0) {
                continue;
            }
            declaredTotal += size;
            checkPart(name, size, entry.getCompressedSize(), limits);
            if (declaredTotal > limits.maxUnzippedBytes()) {
                throw bomb();
            }
        }
        if (!workbook) {
            // A zip but not a workbook: .docx, .odt, a zip of photos...
            throw notASpreadsheet();
        }
        // Then what really comes out, counted as it streams by.
        long total = 0;
        long sharedStringsBytes = 0;
        int sharedStrings = 0;
        byte[] buffer = new byte[64 * 1024];
        entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName().toLowerCase(Locale.ROOT);
            boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
            boolean strings = name.equals(SHARED_STRINGS);
            XmlScan scan = xml ? new XmlScan(strings, limits) : null;
            long part = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    part += n;
                    total += n;
                    if (entry.getSize() >= 0 && part > entry.getSize()) {
                        // More than the directory declared: a file made to get past the check above.
                        throw bomb();
                    }
                    checkPart(name, part, entry.getCompressedSize(), limits);
                    if (total > limits.maxUnzippedBytes()) {
                        throw bomb();
                    }
                    if (scan != null) {
                        scan.feed(buffer, n);
                    }
                }
            }
            if (strings) {
                sharedStringsBytes = part;
                sharedStrings = scan.strings;
            }
        }
        return new Inspection(total, sharedStringsBytes, sharedStrings);
    }

    private static void checkPart(String name, long size, long compressed, Limits limits) {
        if (name.equals(SHARED_STRINGS) && size > limits.maxSharedStringsBytes()) {
            throw tooManyStrings(limits);
        }
        if (name.startsWith("xl/worksheets/") && size > limits.maxSheetBytes()) {
            throw bomb();
        }
        if (size > SMALL_PART && compressed >= 0 && size > Math.max(compressed, 1) * limits.maxRatio()) {
            throw bomb();
        }
    }

    /** Counts shared strings, measures runs of text between tags and looks for a DOCTYPE, across buffer boundaries. */
    private static final class XmlScan {
        private final boolean sharedStrings;
        private final Limits limits;
        private final StringBuilder head = new StringBuilder();
        private int run;
        // Progress through "<si" followed by '>', ' ' or '/'.
        private int matched;
        int strings;

        XmlScan(boolean sharedStrings, Limits limits) {
            this.sharedStrings = sharedStrings;
            this.limits = limits;
        }

        void feed(byte[] buffer, int n) {
            if (head.length() < 2048) {
                head.append(new String(buffer, 0, Math.min(n, 2048), java.nio.charset.StandardCharsets.ISO_8859_1));
                String upper = head.toString().toUpperCase(Locale.ROOT);
                if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
                    throw SpreadsheetRefusedException.worded("spreadsheet.refused.doctype");
                }
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '<' || b == '>') {
                    run = 0;
                } else if (++run > limits.maxCellBytes()) {
                    throw cellTooLong(limits);
                }
                if (sharedStrings) {
                    if (matched == 3) {
                        matched = 0;
                        if ((b == '>' || b == ' ' || b == '/') && ++strings > limits.maxSharedStrings()) {
                            throw tooManyStrings(limits);
                        }
                    }
                    if (b == '<') {
                        matched = 1;
                    } else if (matched == 1 && b == 's') {
                        matched = 2;
                    } else if (matched == 2 && b == 'i') {
                        matched = 3;
                    } else if (matched != 3) {
                        matched = 0;
                    }
                }
            }
        }
    }

    /**
     * Scans a CSV file's bytes (any of the encodings the readers accept: ASCII separators and line ends are the same
     * bytes in UTF-8 and Windows-1258, and UTF-16 is measured in pairs) and refuses it when a row would have more cells or a
     * cell more bytes than the limits allow (the readers stop at their number of rows themselves, as they stream). Quotes are followed, so a quoted separator or line
     * end counts as text. Keeps nothing.
     */
    public static void checkCsv(byte[] content, Limits limits) {
        int step = 1;
        int start = 0;
        if (content.length >= 2
                && ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE
                        || (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF)) {
            // UTF-16: look at the byte of each pair that carries ASCII.
            step = 2;
            start = (content[0] & 0xFF) == 0xFF ? 2 : 3;
        }
        int cells = 1;
        int cell = 0;
        boolean quoted = false;
        for (int i = start; i < content.length; i += step) {
            byte b = content[i];
            int high = i + (start == 2 ? 1 : -1);
            boolean ascii = step == 1 || high < content.length && content[high] == 0;
            if (ascii && b == '"') {
                quoted = !quoted;
                cell++;
            } else if (!quoted && ascii && (b == ',' || b == ';' || b == '\t')) {
                if (++cells > limits.maxColumns()) {
                    throw tooManyColumns(limits);
                }
                cell = 0;
            } else if (!quoted && ascii && (b == '\n' || b == '\r')) {
                cells = 1;
                cell = 0;
                continue;
            } else if (++cell > limits.maxCellBytes()) {
                throw cellTooLong(limits);
            }
        }
    }

    /** For readers: refuses a row with more cells than the limits allow (a row padded out to column XFD). */
    public static void checkColumns(int cells, Limits limits) {
        if (cells > limits.maxColumns()) {
            throw tooManyColumns(limits);
        }
    }

    static SpreadsheetRefusedException tooManyColumns(Limits limits) {
        return SpreadsheetRefusedException.worded("spreadsheet.refused.too-many-columns", limits.maxColumns());
    }

    static SpreadsheetRefusedException cellTooLong(Limits limits) {
        return SpreadsheetRefusedException.worded("spreadsheet.refused.cell-too-long-kb", limits.maxCellBytes() / 1024);
    }

    static SpreadsheetRefusedException tooManyStrings(Limits limits) {
        return SpreadsheetRefusedException.worded(
                "spreadsheet.refused.too-many-strings",
                limits.maxSharedStringsBytes() >> 20,
                limits.maxSharedStrings());
    }

    static SpreadsheetRefusedException bomb() {
        return SpreadsheetRefusedException.worded("spreadsheet.refused.zip-bomb");
    }

    static SpreadsheetRefusedException notASpreadsheet() {
        return SpreadsheetRefusedException.worded("spreadsheet.refused.not-a-spreadsheet");
    }

    static SpreadsheetRefusedException unreadable() {
        return SpreadsheetRefusedException.worded("spreadsheet.refused.unreadable-xlsx");
    }
}
