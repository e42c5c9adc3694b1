package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.spreadsheet.HeaderVocabulary;
import vn.cungem.student.SchoolRef;
import vn.cungem.student.StudentDetails;
import vn.cungem.student.StudentIdCipher;
import vn.cungem.student.Validated;
import vn.cungem.student.ValidationContext;
import vn.cungem.student.importing.StudentSheet.SourceRow;
import vn.cungem.student.importing.values.RowInterpreter;
import vn.cungem.student.importing.values.ValueMappings;

/**
 * Runs every school list of the corpus ({@code src/test/resources/import-corpus/schools}) through the importer's own
 * reading and checking, and scores it against the file's truth: fields read right, rows classified right, bad rows
 * flagged, rows that are not students kept out. Prints the score table kept in {@code docs/import-corpus.md}.
 *
 * <p>Depends on stuhead's work (issue 11, in parallel): the header step. Here it is {@link StudentSheet}, the header
 * step on this branch (exact synonyms, first 10 rows, no notion of totals or signature rows); when stuhead's header
 * recognition by meaning lands, {@link #read} is the one place to change. Reading ({@link SpreadsheetReader} over the
 * shared {@code TabularReader}) and checking ({@link ImportCheck} with the value interpreter) are the real pipeline.
 */
class SchoolListCorpusTests {

    static final String DIR = "/import-corpus/schools/";
    /** The day the lists were made (school year 2021–2022): birth dates are judged against it. */
    static final LocalDate TODAY = LocalDate.of(2021, 10, 1);

    record Truth(int sheet, int row, String outcome, String name, String grade, String phone, String categories) {}

    record Score(
            String file,
            int rows,
            int fieldsRight,
            int fields,
            int classifiedRight,
            int acceptable,
            int acceptableImported,
            int bad,
            int badFlagged,
            int nonStudent,
            int nonStudentSkipped,
            int nonStudentAsStudent) {}

    /** A header step: the student rows of one sheet. */
    interface HeaderStep {
        List<SourceRow> rows(byte[] content, int sheet);
    }

    @Test
    void everySchoolListOfTheCorpusIsReadAsAPersonWouldAcceptIt() {
        // Information only: the values part scored with the header located by meaning (a stand-in until stuhead's
        // header step lands), so what this branch adds is measured on every file, not only on the known headers.
        List<Score> standIn = scores(SchoolListCorpusTests::readByMeaning);
        System.out.println("Header located by meaning (stand-in for stuhead's step, information only):");
        System.out.println(table(standIn, total(standIn)));

        List<Score> scores = scores(SchoolListCorpusTests::read);
        Score total = total(scores);
        System.out.println("The importer's own pipeline on this branch:");
        System.out.println(table(scores, total));
        assertThat(scores).as("at least 15 school lists").hasSizeGreaterThanOrEqualTo(15);
        // Bar (issue 11): ≥98 % of acceptable rows imported without retyping, every bad row flagged, no totals or
        // signature row as a student.
        assertThat(total.nonStudentAsStudent())
                .as("totals or signature rows taken as students")
                .isZero();
        assertThat(total.badFlagged()).as("bad rows flagged").isEqualTo(total.bad());
        assertThat(total.acceptableImported() * 100.0 / total.acceptable())
                .as("acceptable rows imported without retyping (%)")
                .isGreaterThanOrEqualTo(98.0);
    }

    private List<Score> scores(HeaderStep step) {
        List<Score> scores = new ArrayList<>();
        for (String[] entry : csv(DIR + "index.csv")) {
            scores.add(score(entry[0], SchoolLevel.valueOf(entry[1]), entry[2], step));
        }
        return scores;
    }

    private static Score total(List<Score> scores) {
        return scores.stream().reduce(new Score("TOTAL", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), SchoolListCorpusTests::sum);
    }

    private Score score(String file, SchoolLevel level, String schoolName, HeaderStep step) {
        byte[] content = bytes(DIR + file);
        String stem = file.substring(0, file.lastIndexOf('.'));
        SchoolRef school = new SchoolRef(1, 10, "79000001", schoolName, level);
        ValidationContext context = ValidationContext.forSchool(
                CampaignDefaults.PRIORITY_CATEGORIES, school, raw -> Optional.empty(), TODAY);
        StudentIdCipher cipher =
                new StudentIdCipher(java.util.Base64.getEncoder().encodeToString(new byte[32]));
        ImportCheck check = new ImportCheck(context, cipher, id -> true, 1, 1);
        RowInterpreter interpreter = new RowInterpreter(context.categories(), ValueMappings.none());

        Map<String, CheckedRow> checked = new HashMap<>();
        Map<String, StudentDetails> details = new HashMap<>();
        int sheets =
                file.endsWith(".csv") ? 1 : SpreadsheetReader.sheets(content).size();
        for (int sheet = 0; sheet < sheets; sheet++) {
            for (SourceRow row : step.rows(content, sheet)) {
                String key = sheet + ":" + row.number();
                checked.put(key, check.check(row));
                Validated v =
                        interpreter.interpret(ImportCheck.input(row)).input().validate(context);
                if (v.isValid()) {
                    details.put(key, v.details());
                }
            }
        }
        int rows = 0, fieldsRight = 0, fields = 0, classified = 0, acceptable = 0, imported = 0;
        int bad = 0, flagged = 0, non = 0, skipped = 0, asStudent = 0;
        for (String[] t : csv(DIR + stem + ".truth.csv")) {
            Truth truth = new Truth(Integer.parseInt(t[0]), Integer.parseInt(t[1]), t[2], t[3], t[4], t[5], t[6]);
            String key = truth.sheet() + ":" + truth.row();
            CheckedRow got = checked.get(key);
            String outcome = got == null ? "SKIPPED" : got.outcome.name();
            rows++;
            if (outcome.equals(truth.outcome())) {
                classified++;
            } else if (!truth.outcome().equals("SKIPPED")) {
                System.out.printf(
                        "  %s sheet %d row %d: expected %s, got %s %s%n",
                        file, truth.sheet(), truth.row(), truth.outcome(), outcome, got == null ? "" : got.reasonsVi());
            }
            switch (truth.outcome()) {
                case "OK", "WARNING" -> {
                    acceptable++;
                    if (outcome.equals("OK") || outcome.equals("WARNING")) {
                        imported++;
                    }
                    StudentDetails d = details.get(key);
                    fields += 4;
                    if (d != null) {
                        fieldsRight += d.fullName().equals(truth.name()) ? 1 : 0;
                        fieldsRight += String.valueOf(d.grade()).equals(truth.grade()) ? 1 : 0;
                        fieldsRight += d.guardianPhone() != null
                                        && d.guardianPhone().national().equals(truth.phone())
                                ? 1
                                : 0;
                        fieldsRight += String.join(",", new java.util.TreeSet<>(d.categories()))
                                        .equals(String.join(
                                                ",",
                                                new java.util.TreeSet<>(
                                                        truth.categories().isEmpty()
                                                                ? List.of()
                                                                : List.of(truth.categories()
                                                                        .split(",")))))
                                ? 1
                                : 0;
                    }
                }
                case "ERROR" -> {
                    bad++;
                    flagged += outcome.equals("ERROR") || outcome.equals("WARNING") ? 1 : 0;
                }
                default -> {
                    non++;
                    skipped += outcome.equals("SKIPPED") ? 1 : 0;
                    asStudent += outcome.equals("OK") || outcome.equals("WARNING") ? 1 : 0;
                }
            }
        }
        return new Score(
                file,
                rows,
                fieldsRight,
                fields,
                classified,
                acceptable,
                imported,
                bad,
                flagged,
                non,
                skipped,
                asStudent);
    }

    /** The header step and the rows below it (stuhead's part: see the class comment). */
    private static List<SourceRow> read(byte[] content, int sheetIndex) {
        List<SourceRow> rows = new ArrayList<>();
        StudentSheet sheet = new StudentSheet(rows::add);
        SpreadsheetReader.read(content, sheetIndex, sheet);
        return rows;
    }

    /**
     * The stand-in: {@link HeaderVocabulary} (shared, on main) with the headers of the corpus's lists, then every
     * non-blank row below the header. It knows nothing of totals or signature rows: those are left to the check.
     */
    private static final HeaderVocabulary<StudentColumn> VOCABULARY = HeaderVocabulary.of(StudentColumn.class)
            .field(StudentColumn.FULL_NAME, "họ và tên", "họ tên", "tên học sinh")
            .field(StudentColumn.BIRTH_DATE, "ngày sinh", "ngày tháng năm sinh")
            .field(StudentColumn.GENDER, "giới tính", "phái")
            .field(StudentColumn.CLASS_NAME, "lớp")
            .field(StudentColumn.GUARDIAN_NAME, "họ tên phụ huynh", "thông tin phụ huynh họ tên")
            .field(StudentColumn.GUARDIAN_PHONE, "sđt phụ huynh", "số điện thoại", "điện thoại")
            .field(StudentColumn.CATEGORIES, "hoàn cảnh gia đình", "hoàn cảnh", "đối tượng")
            .field(StudentColumn.DEVICE_SITUATION, "thiết bị hiện có", "thiết bị học tập", "thiết bị")
            .field(StudentColumn.NEEDS, "nhu cầu hỗ trợ", "nhu cầu")
            .neutral("học sinh", "liên hệ")
            .required(StudentColumn.FULL_NAME, StudentColumn.BIRTH_DATE)
            .build();

    private static List<SourceRow> readByMeaning(byte[] content, int sheetIndex) {
        List<HeaderVocabulary.Row> all = new ArrayList<>();
        SpreadsheetReader.read(
                content, sheetIndex, (number, cells) -> all.add(new HeaderVocabulary.Row(number, cells)));
        HeaderVocabulary.Header<StudentColumn> header = VOCABULARY
                .find(all.subList(0, Math.min(all.size(), HeaderVocabulary.SEARCH_ROWS)))
                .orElse(null);
        List<SourceRow> rows = new ArrayList<>();
        if (header == null) {
            return rows;
        }
        for (HeaderVocabulary.Row r : all) {
            if (r.number() <= header.lastRow() || SpreadsheetReader.blank(r.cells())) {
                continue;
            }
            Map<StudentColumn, String> cells = new java.util.EnumMap<>(StudentColumn.class);
            header.fields()
                    .forEach((field, index) -> cells.put(
                            field,
                            index < r.cells().size() && r.cells().get(index) != null
                                    ? r.cells().get(index)
                                    : ""));
            rows.add(new SourceRow(r.number(), cells, false));
        }
        return rows;
    }

    private static Score sum(Score a, Score b) {
        return new Score(
                a.file(),
                a.rows() + b.rows(),
                a.fieldsRight() + b.fieldsRight(),
                a.fields() + b.fields(),
                a.classifiedRight() + b.classifiedRight(),
                a.acceptable() + b.acceptable(),
                a.acceptableImported() + b.acceptableImported(),
                a.bad() + b.bad(),
                a.badFlagged() + b.badFlagged(),
                a.nonStudent() + b.nonStudent(),
                a.nonStudentSkipped() + b.nonStudentSkipped(),
                a.nonStudentAsStudent() + b.nonStudentAsStudent());
    }

    static String table(List<Score> scores, Score total) {
        StringBuilder out = new StringBuilder();
        out.append("| file | rows | fields read right | rows classified right | acceptable rows imported"
                + " | bad rows flagged | non-student rows skipped | non-student rows as students |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Score> all = new ArrayList<>(scores);
        all.add(total);
        for (Score s : all) {
            out.append(String.format(
                    "| %s | %d | %d/%d | %d/%d | %d/%d (%.1f %%) | %d/%d | %d/%d | %d |%n",
                    s.file(),
                    s.rows(),
                    s.fieldsRight(),
                    s.fields(),
                    s.classifiedRight(),
                    s.rows(),
                    s.acceptableImported(),
                    s.acceptable(),
                    s.acceptable() == 0 ? 100.0 : s.acceptableImported() * 100.0 / s.acceptable(),
                    s.badFlagged(),
                    s.bad(),
                    s.nonStudentSkipped(),
                    s.nonStudent(),
                    s.nonStudentAsStudent()));
        }
        return out.toString();
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = SchoolListCorpusTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a small UTF-8 CSV of ours (index and truth files), without its header; no quoted commas in them. */
    private static List<String[]> csv(String resource) {
        String[] lines = new String(bytes(resource), StandardCharsets.UTF_8).split("\n");
        List<String[]> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                out.add(parse(lines[i]));
            }
        }
        return out;
    }

    private static String[] parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
