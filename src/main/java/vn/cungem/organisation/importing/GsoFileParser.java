package vn.cungem.organisation.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cungem.organisation.ImportReport.Rejected;
import vn.cungem.organisation.UnitRow;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.spreadsheet.SpreadsheetGuard;
import vn.cungem.shared.spreadsheet.SpreadsheetParsing;
import vn.cungem.shared.spreadsheet.TabularOptions;
import vn.cungem.shared.spreadsheet.TabularReader;
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
            () -> new InvalidValueException(
                    "import.too-many-rows",
                    "Tệp có quá " + MAX_ROWS + " dòng.",
                    "The file has more than " + MAX_ROWS + " rows."),
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
            throw new InvalidValueException(
                    "import.header",
                    "Không tìm thấy dòng tiêu đề: cần ít nhất các cột \"Mã TP\", \"Tỉnh / Thành Phố\", \"Mã PX\","
                            + " \"Phường Xã\" (có thể thêm \"Mã QH\", \"Quận Huyện\", \"Cấp\").",
                    "No header row found: the file needs at least the columns \"Mã TP\" (province code), \"Tỉnh /"
                            + " Thành Phố\" (province), \"Mã PX\" (commune code), \"Phường Xã\" (commune); optionally"
                            + " \"Mã QH\", \"Quận Huyện\", \"Cấp\".");
        }
        for (Column required : List.of(Column.PROVINCE_NAME, Column.COMMUNE_NAME)) {
            if (!columns.containsKey(required)) {
                throw new InvalidValueException(
                        "import.header.names",
                        "Thiếu cột tên tỉnh hoặc tên xã/phường.",
                        "The province name or commune name column is missing.");
            }
        }
        boolean hasDistricts = columns.containsKey(Column.DISTRICT_CODE);
        if (hasDistricts != columns.containsKey(Column.DISTRICT_NAME)) {
            throw new InvalidValueException(
                    "import.header.district",
                    "Cần có cả hai cột mã và tên quận/huyện, hoặc không có cột nào (tệp sau năm 2025).",
                    "Give both district columns (code and name) or neither (a post-2025 file).");
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
            throw new InvalidValueException(
                    "import.no-rows", "Tệp không có dòng dữ liệu nào.", "The file has no data rows.");
        }
        return new Parsed(units, rejected, hasDistricts);
    }

    private static List<UnitRow> readRow(
            List<String> row, int rowNumber, Map<Column, Integer> columns, boolean hasDistricts) {
        String provinceCode = code(value(row, columns, Column.PROVINCE_CODE), 2, "tỉnh", "province");
        String provinceName = name(value(row, columns, Column.PROVINCE_NAME), "tỉnh", "province");
        String districtCode = hasDistricts ? value(row, columns, Column.DISTRICT_CODE) : "";
        String communeCode = value(row, columns, Column.COMMUNE_CODE);
        String level = VietnameseText.fold(value(row, columns, Column.LEVEL));
        List<UnitRow> out = new ArrayList<>(3);
        out.add(new UnitRow(rowNumber, provinceCode, provinceName, PROVINCE, null));
        String parentOfCommune = provinceCode;
        if (hasDistricts && !districtCode.isBlank()) {
            districtCode = code(districtCode, 3, "quận/huyện", "district");
            String districtName = name(value(row, columns, Column.DISTRICT_NAME), "quận/huyện", "district");
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
                throw new InvalidValueException(
                        "import.code.missing", "Thiếu mã xã/phường.", "The commune code is missing.");
            }
            return out;
        }
        if (!level.isEmpty() && !COMMUNE_KINDS.contains(level)) {
            throw unknownLevel(level);
        }
        communeCode = code(communeCode, 5, "xã/phường", "commune");
        String communeName = name(value(row, columns, Column.COMMUNE_NAME), "xã/phường", "commune");
        out.add(new UnitRow(rowNumber, communeCode, communeName, COMMUNE, parentOfCommune));
        return out;
    }

    private static InvalidValueException unknownLevel(String level) {
        return new InvalidValueException(
                "import.level.unknown",
                "Cấp \"" + level + "\" không xác định: dùng Xã, Phường, Thị trấn hoặc Đặc khu.",
                "Unknown level \"" + level + "\": use Xã, Phường, Thị trấn or Đặc khu (commune, ward, town).");
    }

    private static String value(List<String> row, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        if (index == null || index >= row.size() || row.get(index) == null) {
            return "";
        }
        return row.get(index).strip();
    }

    /** GSO codes are fixed-width digits; spreadsheets drop the leading zeros of numeric cells, so put them back. */
    static String code(String raw, int width, String whatVi, String whatEn) {
        String code = raw.strip();
        if (code.endsWith(".0")) {
            code = code.substring(0, code.length() - 2);
        }
        if (code.isEmpty()) {
            throw new InvalidValueException(
                    "import.code.missing", "Thiếu mã " + whatVi + ".", "The " + whatEn + " code is missing.");
        }
        if (!code.chars().allMatch(ch -> ch >= '0' && ch <= '9') || code.length() > width) {
            throw new InvalidValueException(
                    "import.code.shape",
                    "Mã " + whatVi + " \"" + code + "\" không đúng dạng: phải gồm tối đa " + width + " chữ số.",
                    "The " + whatEn + " code \"" + code + "\" has the wrong shape: at most " + width + " digits.");
        }
        return "0".repeat(width - code.length()) + code;
    }

    private static String name(String raw, String whatVi, String whatEn) {
        String name = VietnameseText.tidy(raw);
        if (name == null || name.isEmpty()) {
            throw new InvalidValueException(
                    "import.name.missing", "Thiếu tên " + whatVi + ".", "The " + whatEn + " name is missing.");
        }
        if (name.length() > 200) {
            throw new InvalidValueException(
                    "import.name.long",
                    "Tên " + whatVi + " dài quá 200 ký tự.",
                    "The " + whatEn + " name is longer than 200 characters.");
        }
        return name;
    }
}
