package vn.cungem.student.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import vn.cungem.shared.text.Bundles;
import vn.cungem.student.DuplicateKeys;
import vn.cungem.student.FieldProblem;
import vn.cungem.student.StudentDetails;
import vn.cungem.student.StudentIdCipher;
import vn.cungem.student.StudentInput;
import vn.cungem.student.Validated;
import vn.cungem.student.ValidationContext;
import vn.cungem.student.importing.StudentSheet.SourceRow;
import vn.cungem.student.importing.values.FreeText;
import vn.cungem.student.importing.values.Interpreted;
import vn.cungem.student.importing.values.RowInterpreter;
import vn.cungem.student.importing.values.ValueField;
import vn.cungem.student.importing.values.ValueMappings;
import vn.cungem.student.internal.StudentColumns;

/**
 * Checks rows of a file with the registry's own rules ({@link StudentInput#validate}), then the import's: the
 * uploader's scope, cells too long, and the same child twice in one file. Plain Java, no database: the caller fills the
 * {@link ValidationContext} from memory. {@link #check} may run on several threads at once; {@link
 * Repeats} sees the rows once each, in file order.
 */
final class ImportCheck {

    private final ValidationContext context;
    private final StudentIdCipher cipher;
    private final LongPredicate schoolInScope;
    private final long campaignId;
    private final long importId;
    private final RowInterpreter interpreter;
    private final FileTexts.Collector texts = new FileTexts.Collector();

    ImportCheck(
            ValidationContext context,
            StudentIdCipher cipher,
            LongPredicate schoolInScope,
            long campaignId,
            long importId) {
        this(context, cipher, schoolInScope, campaignId, importId, ValueMappings.none());
    }

    /** {@code remembered}: what people of the campaign said free texts mean, from earlier files. */
    ImportCheck(
            ValidationContext context,
            StudentIdCipher cipher,
            LongPredicate schoolInScope,
            long campaignId,
            long importId,
            ValueMappings remembered) {
        this.interpreter = new RowInterpreter(context.categories(), remembered);
        this.context = context;
        this.cipher = cipher;
        this.schoolInScope = schoolInScope;
        this.campaignId = campaignId;
        this.importId = importId;
    }

    static StudentInput input(SourceRow r) {
        return new StudentInput(
                r.get(StudentColumn.FULL_NAME),
                r.get(StudentColumn.BIRTH_DATE),
                r.get(StudentColumn.GENDER),
                r.get(StudentColumn.PERSONAL_ID),
                r.get(StudentColumn.MOET_CODE),
                r.get(StudentColumn.SCHOOL_CODE),
                r.get(StudentColumn.GRADE),
                r.get(StudentColumn.CLASS_NAME),
                r.get(StudentColumn.HOME_COMMUNE),
                r.get(StudentColumn.ADDRESS),
                r.get(StudentColumn.GUARDIAN_NAME),
                r.get(StudentColumn.GUARDIAN_PHONE),
                r.get(StudentColumn.CATEGORIES),
                r.get(StudentColumn.DEVICE_SITUATION),
                r.get(StudentColumn.CONNECTIVITY),
                r.get(StudentColumn.NEEDS),
                r.get(StudentColumn.NOTES));
    }

    CheckedRow check(SourceRow source) {
        String shownName = shown(source.get(StudentColumn.FULL_NAME));
        CheckedRow out = new CheckedRow(source.number(), shownName);
        if (source.cellTooLong()) {
            problem(out::error, "import.row.cellTooLong", SpreadsheetReader.MAX_CELL_CHARS);
            return out;
        }
        Validated validated;
        try {
            // What the school typed, read by meaning first; each repair is a warning of its own.
            StudentInput in = input(source);
            Interpreted interpreted = interpreter.interpret(in);
            for (FreeText t : interpreted.texts()) {
                texts.add(source.number(), t, raw(in, t.field()));
            }
            interpreted.warnings().forEach(w -> out.warning(w.vi(), w.en()));
            validated = interpreted.input().validate(context);
        } catch (RuntimeException e) {
            // The rules should name every problem; if one slips through, it is this row's error, not the file's.
            problem(out::error, "import.row.unreadable");
            return out;
        }
        for (FieldProblem p : validated.problems()) {
            if (p.isError()) {
                out.error(p.messageVi(), p.messageEn());
            } else {
                out.warning(p.messageVi(), p.messageEn());
            }
        }
        if (!validated.isValid()) {
            return out;
        }
        StudentDetails d = validated.details();
        if (!schoolInScope.test(d.schoolId())) {
            problem(
                    out::error,
                    "import.row.schoolOutOfScope",
                    source.get(StudentColumn.SCHOOL_CODE).strip());
            return out;
        }
        DuplicateKeys keys = DuplicateKeys.of(d, cipher);
        String personalIdCipher = d.personalId() == null ? null : cipher.encrypt(d.personalId());
        out.row = new StudentRow(
                null,
                StudentColumns.imported(
                        campaignId,
                        d,
                        personalIdCipher,
                        keys.personalIdHash(),
                        validated.priority().score(),
                        importId,
                        source.number()));
        out.key = new StudentBulkWriter.Key(
                importId,
                source.number(),
                keys.personalIdHash(),
                keys.moetCode(),
                keys.nameFolded(),
                keys.birthDate(),
                keys.schoolId(),
                keys.guardianPhone());
        return out;
    }

    /** The distinct free texts of the rows checked so far (for the value-mapping step). */
    java.util.Collection<FileTexts.Kept> texts() {
        return texts.texts();
    }

    private static String raw(StudentInput in, ValueField field) {
        return switch (field) {
            case CATEGORIES -> in.categories();
            case DEVICE_SITUATION -> in.deviceSituation();
            case CONNECTIVITY -> in.connectivity();
            case NEEDS -> in.needs();
        };
    }

    /**
     * The same child twice in one file: an exact repeat (same personal ID or MOET code) is an error on the later row; a
     * likely one (same name and birth date at the same school or with the same guardian phone) a warning. Remembers the
     * rows it has seen, so a file can be marked a chunk at a time, in file order.
     */
    static final class Repeats {
        private final Map<String, Integer> byPersonalId;
        private final Map<String, Integer> byMoetCode;
        private final Map<Likely, Integer> bySchool;
        private final Map<Likely, Integer> byPhone;

        /** {@code expectedRows}: sizes the maps once, so a large file does not rehash them as it goes. */
        Repeats(int expectedRows) {
            int capacity = Math.max(16, (int) (expectedRows / 0.75f) + 1);
            byPersonalId = new HashMap<>(capacity);
            byMoetCode = new HashMap<>(capacity);
            bySchool = new HashMap<>(capacity);
            byPhone = new HashMap<>(capacity);
        }

        /** Same folded name and birth date, and the same school (a long) or guardian phone (a String). */
        private record Likely(String nameFolded, java.time.LocalDate birthDate, Object where) {}

        void mark(List<CheckedRow> rows) {
            for (CheckedRow r : rows) {
                if (r.key == null || r.outcome == CheckedRow.Outcome.ERROR) {
                    continue;
                }
                StudentBulkWriter.Key k = r.key;
                Integer first = null;
                if (k.personalIdHash() != null) {
                    first = byPersonalId.putIfAbsent(k.personalIdHash(), r.number);
                }
                if (first == null && k.moetCode() != null) {
                    first = byMoetCode.putIfAbsent(k.moetCode(), r.number);
                }
                if (first != null) {
                    problem(r::error, "import.row.sameAs", String.valueOf(first));
                    continue;
                }
                Integer similar =
                        bySchool.putIfAbsent(new Likely(k.nameFolded(), k.birthDate(), k.schoolId()), r.number);
                if (similar == null && k.guardianPhone() != null) {
                    similar =
                            byPhone.putIfAbsent(new Likely(k.nameFolded(), k.birthDate(), k.guardianPhone()), r.number);
                }
                if (similar != null) {
                    problem(r::warning, "import.row.likelySameAs", String.valueOf(similar));
                    r.likelyDuplicate = true;
                }
            }
        }
    }

    /** A row's problem worded by the bundles in both languages (row numbers as text: never "1.234"). */
    private static void problem(java.util.function.BiConsumer<String, String> add, String key, Object... args) {
        add.accept(Bundles.vi(key, args), Bundles.en(key, args));
    }

    static String shown(String raw) {
        String tidy = vn.cungem.shared.text.VietnameseText.tidy(raw);
        if (tidy == null) {
            return "";
        }
        return tidy.length() > 60 ? tidy.substring(0, 60) + "…" : tidy;
    }
}
