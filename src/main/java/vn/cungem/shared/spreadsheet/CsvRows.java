package vn.cungem.shared.spreadsheet;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a CSV file through Apache Commons CSV, decoding as it goes ({@link CsvEncoding}) so that the
 * whole file is never one string, with the separator Excel used (comma, semicolon, or tab for "Unicode Text"). Lenient
 * where Excel is: text after a closing quote belongs to the cell, a quote left open runs to the end of the file.
 */
final class CsvRows {

    /** How many of the first lines the separator is looked for in: title rows above a header have few. */
    private static final int SNIFFED_LINES = 30;

    private CsvRows() {}

    static int count(byte[] content, TabularOptions options) {
        int[] count = {0};
        read(content, options, (number, cells) -> {
            if (!TabularReader.blank(cells)) {
                count[0]++;
            }
        });
        return count[0];
    }

    static void read(byte[] content, TabularOptions options, TabularReader.RowSink sink) {
        CsvEncoding encoding = CsvEncoding.of(content, options.windows1258());
        int length = content.length - encoding.start();
        // The first lines, decoded leniently (a multi-byte character may be cut at the end), to find the separator.
        char delimiter =
                delimiter(new String(content, encoding.start(), Math.min(length, 64 * 1024), encoding.charset()));
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setTrailingData(true)
                .setLenientEof(true)
                .get();
        Reader text = new InputStreamReader(
                new ByteArrayInputStream(content, encoding.start(), length), encoding.strictDecoder());
        int keep = options.cutLongCells() ? options.maxCellChars() + 1 : Integer.MAX_VALUE;
        try (CSVParser parser = format.parse(new CellCutter(new BufferedReader(text, 64 * 1024), delimiter, keep))) {
            for (CSVRecord record : parser) {
                int number = Math.toIntExact(record.getRecordNumber());
                if (number > options.maxRowNumber()) {
                    throw options.tooManyRows().get();
                }
                SpreadsheetGuard.checkColumns(record.size(), options.limits());
                List<String> cells = new ArrayList<>(record.size());
                for (String value : record) {
                    cells.add(TabularReader.bounded(value, options));
                }
                sink.row(number, cells);
            }
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static SpreadsheetRefusedException unreadable(IOException e) {
        return e instanceof CharacterCodingException ? Refusals.unreadableCharacters() : Refusals.unreadableCsv();
    }

    /** The separator used most on the busiest of the first lines, outside quotes. */
    static char delimiter(String content) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        int best = 0;
        char chosen = ',';
        int lines = 0;
        boolean quoted = false;
        for (int i = 0; i < content.length() && lines < SNIFFED_LINES; i++) {
            char b = content.charAt(i);
            if (b == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (b == ',') {
                commas++;
            } else if (b == ';') {
                semicolons++;
            } else if (b == '\t') {
                tabs++;
            }
            if (b == '\n' || i == content.length() - 1) {
                int max = Math.max(commas, Math.max(semicolons, tabs));
                if (max > best) {
                    best = max;
                    chosen = tabs == max ? '\t' : semicolons == max ? ';' : ',';
                }
                commas = semicolons = tabs = 0;
                lines++;
            }
        }
        return chosen;
    }
}
