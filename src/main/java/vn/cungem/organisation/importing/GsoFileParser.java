package vn.cungem.organisation.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import vn.cungem.organisation.ImportReport.Rejected;
import vn.cungem.organisation.UnitRow;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.spreadsheet.SpreadsheetGuard;
import vn.cungem.shared.spreadsheet.SpreadsheetParsing;
import vn.cungem.shared.spreadsheet.TabularOptions;
import vn.cungem.shared.spreadsheet.TabularReader;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.VietnameseText;

/**
 * Reads the General Statistics Office's list of administrative units ("Danh mục đơn vị hành chính"): one row per
 * commune with its province and district, as CSV (UTF-8 or UTF-16, comma, semicolon or tab) or XLSX, read by the shared
 * {@link TabularReader}. A file made after the 2025 reform has no district columns: its communes hang directly under
 * their province.
 *
 * <p>Each data row yields up to three {@link UnitRow}s (province, district, commune) carrying the spreadsheet row
 * number. The same province repeats on every row; the planner folds the repeats and rejects conflicting ones.
 */
public final class GsoFileParser {

    public static final String PROVINCE = "province";
    public static final String DISTRICT = "district";
    public static final String COMMUNE = "commune";

    enum Column {
        PROVINCE_CODE,
        PROVINCE_NAME,
        DISTRICT_CODE,
        DISTRICT_NAME,
        COMMUNE_CODE,
        COMMUNE_NAME,
        LEVEL
    }

    /** Header synonyms, folded and stripped of everything but letters and digits. */
    private static final Map<Column, Set<String>> SYNONYMS = Map.of(
            Column.PROVINCE_CODE,
                    Set.of("matp", "matinh", "matinhtp", "matinhthanhpho", "matinhthanh", "provincecode", "provinceid"),
            Column.PROVINCE_NAME,
                    Set.of(
                            "tinhthanhpho",
                            "tinhthanh",
                            "tinhtp",
                            "tinh",
                            "tentinh",
                            "tentinhthanhpho",
                            "tentp",
                            "province",
                            "provincename"),
            Column.DISTRICT_CODE, Set.of("maqh", "mahuyen", "maquanhuyen", "districtcode", "districtid"),
            Column.DISTRICT_NAME,
                    Set.of("quanhuyen", "huyen", "tenhuyen", "tenquanhuyen", "quan", "district", "districtname"),
            Column.COMMUNE_CODE,
                    Set.of(
                            "mapx",
                            "maxa",
                            "maphuongxa",
                            "maxaphuong",
                            "communecode",
                            "wardcode",
                            "communeid",
                            "wardid"),
            Column.COMMUNE_NAME,
                    Set.of(
                            "phuongxa",
                            "xaphuong",
                            "xa",
                            "tenxa",
                            "tenphuongxa",
                            "phuong",
                            "commune",
                            "communename",
                            "ward",
                            "wardname"),
            Column.LEVEL, Set.of("cap", "caphanhchinh", "loai", "level", "type"));

    /** Values of the "Cấp" column for a commune-level unit (folded). */
    private static final Set<String> COMMUNE_KINDS = Set.of("xa", "phuong", "thi tran", "dac khu", "commune", "ward");

    private static final Set<String> HIGHER_KINDS = Set.of(
            "quan",
            "huyen",
            "thi xa",
            "thanh pho",
            "tinh",
            "thanh pho trung uong",
            "district",
            "town",
            "city",
            "province");

    private static final int MAX_ROWS = 200_000;
    /** A list of all units of the country is ~12,000 rows and 2 MB; these bounds leave room and stop hostile files. */
    static final int MAX_FILE_BYTES = 20 << 20;

    static final SpreadsheetGuard.Limits LIMITS =
            SpreadsheetGuard.Limits.DEFAULT.withSizes(64L << 20, 32L << 20, 16L << 20);

    // A CSV file of units comes from the GSO site or a spreadsheet saved as "CSV UTF-8"; no code page to guess.
    private static final TabularOptions OPTIONS = new TabularOptions(
            LIMITS,
            MAX_FILE_BYTES,
            MAX_ROWS,
            () -> InvalidValueException.of("import.too-many-rows", "org.import.error.too-many-rows", MAX_ROWS),
            LIMITS.maxCellBytes(),
            false,
            false);

    /** What the file held: the unit rows to import and the rows rejected while reading. */
    public record Parsed(List<UnitRow> rows, List<Rejected> rejected, boolean hasDistricts) {}

    private GsoFileParser() {}

    public static Parsed parse(byte[] content, String fileName) {
        // One of a few reads at a time, each bounded before it starts (SpreadsheetGuard); a PK file that is not a
        // workbook is refused there.
        List<List<String>> rows = new ArrayList<>();
        TabularReader.read(
                content, 0, OPTIONS, false, SpreadsheetParsing.REQUEST_WAIT, (number, cells) -> rows.add(cells));
        return parseRows(rows);
    }

    static String headerKey(String header) {
        return VietnameseText.fold(header).replaceAll("[^a-z0-9]", "");
    }

    static Parsed parseRows(List<List<String>> rows) {
        int headerIndex = -1;
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        // The official file sometimes carries a title line above the header; look at the first few lines.
        for (int i = 0; i < Math.min(rows.size(), 10) && headerIndex < 0; i++) {
            Map<Column, Integer> found = new EnumMap<>(Column.class);
            List<String> row = rows.get(i);
            for (int c = 0; c < row.size(); c++) {
                String key = headerKey(row.get(c));
                for (var entry : SYNONYMS.entrySet()) {
                    if (entry.getValue().contains(key)) {
                        found.putIfAbsent(entry.getKey(), c);
                    }
                }
            }
            if (found.containsKey(Column.PROVINCE_CODE) && found.containsKey(Column.COMMUNE_CODE)) {
                headerIndex = i;
                columns = found;
            }
        }
        if (headerIndex < 0) {
            throw InvalidValueException.of("import.header", "org.import.error.header");
        }
        for (Column required : List.of(Column.PROVINCE_NAME, Column.COMMUNE_NAME)) {
            if (!columns.containsKey(required)) {
                throw InvalidValueException.of("import.header.names", "org.import.error.header-names");
            }
        }
        boolean hasDistricts = columns.containsKey(Column.DISTRICT_CODE);
        if (hasDistricts != columns.containsKey(Column.DISTRICT_NAME)) {
            throw InvalidValueException.of("import.header.district", "org.import.error.header-district");
        }
        List<UnitRow> units = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (int i = headerIndex + 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            int rowNumber = i + 1;
            if (row.stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            try {
                units.addAll(readRow(row, rowNumber, columns, hasDistricts));
            } catch (InvalidValueException e) {
                rejected.add(new Rejected(
                        rowNumber, value(row, columns, Column.COMMUNE_CODE), e.messageVi(), e.messageEn()));
            }
        }
        if (units.isEmpty() && rejected.isEmpty()) {
            throw InvalidValueException.of("import.no-rows", "org.import.error.no-rows");
        }
        return new Parsed(units, rejected, hasDistricts);
    }

    private static List<UnitRow> readRow(
            List<String> row, int rowNumber, Map<Column, Integer> columns, boolean hasDistricts) {
        String provinceCode = code(value(row, columns, Column.PROVINCE_CODE), 2, PROVINCE);
        String provinceName = name(value(row, columns, Column.PROVINCE_NAME), PROVINCE);
        String districtCode = hasDistricts ? value(row, columns, Column.DISTRICT_CODE) : "";
        String communeCode = value(row, columns, Column.COMMUNE_CODE);
        String level = VietnameseText.fold(value(row, columns, Column.LEVEL));
        List<UnitRow> out = new ArrayList<>(3);
        out.add(new UnitRow(rowNumber, provinceCode, provinceName, PROVINCE, null));
        String parentOfCommune = provinceCode;
        if (hasDistricts && !districtCode.isBlank()) {
            districtCode = code(districtCode, 3, DISTRICT);
            String districtName = name(value(row, columns, Column.DISTRICT_NAME), DISTRICT);
            out.add(new UnitRow(rowNumber, districtCode, districtName, DISTRICT, provinceCode));
            parentOfCommune = districtCode;
        }
        if (communeCode.isBlank()) {
            // A row that lists only a province or district (some editions add those as separate lines).
            if (!level.isEmpty() && !HIGHER_KINDS.contains(level) && !COMMUNE_KINDS.contains(level)) {
                throw unknownLevel(level);
            }
            boolean namesACommune =
                    !value(row, columns, Column.COMMUNE_NAME).isBlank() || COMMUNE_KINDS.contains(level);
            if (namesACommune || (out.size() == 1 && !hasDistricts && level.isEmpty())) {
                throw aboutUnit("import.code.missing", "org.import.error.code-missing", COMMUNE);
            }
            return out;
        }
        if (!level.isEmpty() && !COMMUNE_KINDS.contains(level)) {
            throw unknownLevel(level);
        }
        communeCode = code(communeCode, 5, COMMUNE);
        String communeName = name(value(row, columns, Column.COMMUNE_NAME), COMMUNE);
        out.add(new UnitRow(rowNumber, communeCode, communeName, COMMUNE, parentOfCommune));
        return out;
    }

    private static InvalidValueException unknownLevel(String level) {
        return InvalidValueException.of("import.level.unknown", "org.import.error.level-kind", level);
    }

    /** An error about a province, district or commune ({@code level}), the unit's kind worded in each language. */
    private static InvalidValueException aboutUnit(String code, String key, String level, Object... args) {
        String kind = "org.import.kind." + level;
        Object[] vi =
                Stream.concat(Stream.of(Bundles.vi(kind)), Arrays.stream(args)).toArray();
        Object[] en =
                Stream.concat(Stream.of(Bundles.en(kind)), Arrays.stream(args)).toArray();
        return new InvalidValueException(code, Bundles.vi(key, vi), Bundles.en(key, en));
    }

    private static String value(List<String> row, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        if (index == null || index >= row.size() || row.get(index) == null) {
            return "";
        }
        return row.get(index).strip();
    }

    /** GSO codes are fixed-width digits; spreadsheets drop the leading zeros of numeric cells, so put them back. */
    static String code(String raw, int width, String level) {
        String code = raw.strip();
        if (code.endsWith(".0")) {
            code = code.substring(0, code.length() - 2);
        }
        if (code.isEmpty()) {
            throw aboutUnit("import.code.missing", "org.import.error.code-missing", level);
        }
        if (!code.chars().allMatch(ch -> ch >= '0' && ch <= '9') || code.length() > width) {
            throw aboutUnit("import.code.shape", "org.import.error.code-shape", level, code, width);
        }
        return "0".repeat(width - code.length()) + code;
    }

    private static String name(String raw, String level) {
        String name = VietnameseText.tidy(raw);
        if (name == null || name.isEmpty()) {
            throw aboutUnit("import.name.missing", "org.import.error.name-missing", level);
        }
        if (name.length() > 200) {
            throw aboutUnit("import.name.long", "org.import.error.name-long", level);
        }
        return name;
    }
}
