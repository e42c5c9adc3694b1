package vn.cungem.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.spreadsheet.HeaderVocabulary.Header;
import vn.cungem.shared.spreadsheet.HeaderVocabulary.Row;

class HeaderVocabularyTests {

    enum Field {
        NAME,
        BIRTH,
        CLASS,
        PHONE,
        DATE,
        DEBIT,
        CREDIT,
        DETAILS
    }

    private static final HeaderVocabulary<Field> STUDENTS = HeaderVocabulary.of(Field.class)
            .field(Field.NAME, "họ tên", "họ và tên", "tên", "full name")
            .field(Field.BIRTH, "ngày sinh", "ngày tháng năm sinh", "date of birth")
            .field(Field.CLASS, "lớp", "class")
            .field(Field.PHONE, "số điện thoại", "điện thoại", "phone")
            .neutral("học sinh", "phụ huynh", "liên hệ")
            .required(Field.NAME, Field.BIRTH)
            .build();

    private static final HeaderVocabulary<Field> BANK = HeaderVocabulary.of(Field.class)
            .field(Field.DATE, "ngày", "ngày giao dịch", "ngày hiệu lực", "transaction date", "date")
            .field(Field.DEBIT, "ghi nợ", "debit", "tiền ra")
            .field(Field.CREDIT, "ghi có", "credit", "tiền vào")
            .field(Field.DETAILS, "nội dung", "nội dung chi tiết", "transaction details", "description")
            .neutral("số tiền", "vnd")
            .required(Field.DATE, Field.DETAILS)
            .build();

    @Test
    void findsTheHeaderBelowATitleBlockAndReadsHeadersByTheirWords() {
        List<Row> rows = rows(
                List.of("PHÒNG GD&ĐT THÀNH PHỐ THỦ ĐỨC"),
                List.of("TRƯỜNG THCS LINH TRUNG"),
                List.of(),
                List.of("DANH SÁCH HỌC SINH CÓ HOÀN CẢNH KHÓ KHĂN CẦN HỖ TRỢ THIẾT BỊ HỌC TẬP"),
                List.of("STT", "Họ và tên học sinh", "Ngày sinh", "Lớp", "SĐT phụ huynh", "Hoàn cảnh gia đình"),
                List.of("1", "Nguyễn Văn An", "03/04/2012", "6A6", "912345678", "Hộ nghèo"));

        Header<Field> header = STUDENTS.find(rows).orElseThrow();

        assertThat(header.firstRow()).isEqualTo(5);
        assertThat(header.lastRow()).isEqualTo(5);
        assertThat(header.fields())
                .containsEntry(Field.NAME, 1)
                .containsEntry(Field.BIRTH, 2)
                .containsEntry(Field.CLASS, 3)
                .containsEntry(Field.PHONE, 4);
        assertThat(header.columns().get(1).sure()).isTrue();
        assertThat(header.unrecognised())
                .extracting(HeaderVocabulary.Column::header)
                .containsExactly("STT", "Hoàn cảnh gia đình");
    }

    @Test
    void spellsOutAbbreviationsAndIgnoresCaseAndDiacritics() {
        assertThat(STUDENTS.recognise("HỌ TÊN HS"))
                .get()
                .extracting(HeaderVocabulary.Column::field)
                .isEqualTo(Field.NAME);
        assertThat(STUDENTS.recognise("ho va ten"))
                .get()
                .extracting(HeaderVocabulary.Column::field)
                .isEqualTo(Field.NAME);
        assertThat(STUDENTS.recognise("Ngày sinh (dd/mm/yyyy)"))
                .get()
                .extracting(HeaderVocabulary.Column::field)
                .isEqualTo(Field.BIRTH);
        assertThat(STUDENTS.recognise("Hoàn cảnh")).isEmpty();
    }

    @Test
    void readsACellInTwoLanguagesOrOnTwoLines() {
        assertThat(BANK.recognise("Ngày GD / Transaction date")).get().satisfies(c -> {
            assertThat(c.field()).isEqualTo(Field.DATE);
            assertThat(c.sure()).isTrue();
        });
        assertThat(BANK.recognise("Nội dung chi tiết\nTransaction details"))
                .get()
                .extracting(HeaderVocabulary.Column::field)
                .isEqualTo(Field.DETAILS);
        assertThat(BANK.recognise("Số tiền ghi có (VND)"))
                .get()
                .extracting(HeaderVocabulary.Column::field)
                .isEqualTo(Field.CREDIT);
    }

    @Test
    void readsAHeaderSpreadOverTwoRowsWithAMergedTitleAbove() {
        List<Row> rows = rows(
                List.of("NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM"),
                List.of("Số tài khoản:", "0071000123456"),
                List.of("Ngày", "Số tiền", "", "Nội dung"),
                List.of("", "Ghi nợ", "Ghi có", ""),
                List.of("01/11/2026", "", "500000", "UNG HO CUNG EM"));

        Header<Field> header = BANK.find(rows).orElseThrow();

        assertThat(header.firstRow()).isEqualTo(3);
        assertThat(header.lastRow()).isEqualTo(4);
        assertThat(header.fields())
                .containsEntry(Field.DATE, 0)
                .containsEntry(Field.DEBIT, 1)
                .containsEntry(Field.CREDIT, 2)
                .containsEntry(Field.DETAILS, 3);
    }

    @Test
    void readsABilingualHeaderWhoseLanguagesAreOnTwoRows() {
        List<Row> rows = rows(
                List.of("Ngày GD", "Nội dung chi tiết", "Ghi nợ", "Ghi có"),
                List.of("Transaction date", "Transaction details", "Debit", "Credit"),
                List.of("01/11/2026", "UNG HO", "", "200000"));

        Header<Field> header = BANK.find(rows).orElseThrow();

        assertThat(header.fields()).containsEntry(Field.DATE, 0).containsEntry(Field.CREDIT, 3);
        assertThat(header.columns()).allSatisfy(c -> assertThat(c.sure()).isTrue());
    }

    @Test
    void takesOneFieldFromOneColumnOnlyAndAsksWhenAWeakMatchDecided() {
        List<Row> rows = rows(List.of("Tên", "Họ và tên", "Ngày sinh", "Lớp học năm nay"));

        Header<Field> header = STUDENTS.find(rows).orElseThrow();

        assertThat(header.fields()).containsEntry(Field.NAME, 1);
        assertThat(header.columns().get(0).field()).isNull();
        assertThat(header.columns().get(3).field()).isNull();
        assertThat(STUDENTS.recognise("Lớp học")).get().satisfies(c -> {
            assertThat(c.field()).isEqualTo(Field.CLASS);
            assertThat(c.sure()).isFalse();
        });
    }

    @Test
    void findsNothingWhereNoRowNamesTheRequiredFields() {
        assertThat(STUDENTS.find(rows(List.of("Họ và tên", "Lớp"), List.of("An", "6A1"))))
                .isEmpty();
        assertThat(STUDENTS.find(List.of())).isEmpty();
    }

    @Test
    void looksNoFurtherThanThirtyRows() {
        List<List<String>> raw = new ArrayList<>();
        for (int i = 0; i < HeaderVocabulary.SEARCH_ROWS; i++) {
            raw.add(List.of("ghi chú " + i));
        }
        raw.add(List.of("Họ và tên", "Ngày sinh"));
        assertThat(STUDENTS.find(rows(raw.toArray(List[]::new)))).isEmpty();
    }

    @SafeVarargs
    private static List<Row> rows(List<String>... rows) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            out.add(new Row(i + 1, rows[i]));
        }
        return out;
    }

    @SuppressWarnings("unused")
    private static List<String> cells(String... cells) {
        return Arrays.asList(cells);
    }
}
