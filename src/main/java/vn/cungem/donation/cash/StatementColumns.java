package vn.cungem.donation.cash;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cungem.shared.spreadsheet.HeaderVocabulary;
import vn.cungem.shared.spreadsheet.HeaderVocabulary.Row;
import vn.cungem.shared.text.VietnameseText;

/**
 * Finds the header of a bank statement by what its words mean, as {@link HeaderVocabulary} reads any header: the
 * Vietnamese, English and bilingual names banks give their columns, on one or two lines, over one or two rows
 * ("Số tiền" merged above "Ghi nợ" and "Ghi có"). A statement has either a debit and a credit column, or one amount
 * column that is signed (a plus or a minus before the amount, or brackets) or paired with a side column (C or D, + or -).
 */
final class StatementColumns {

    enum Column {
        DATE,
        REFERENCE,
        DEBIT,
        CREDIT,
        AMOUNT,
        SIDE,
        BALANCE,
        DESCRIPTION,
        /** "STT / No.": recognised so that its "No." is not taken for "Nợ" (debit); never read. */
        NUMBER
    }

    /** Data: the names banks' exports give these columns, not wording of ours. */
    static final HeaderVocabulary<Column> VOCABULARY = HeaderVocabulary.of(Column.class)
            .field(
                    Column.DATE,
                    "ngày",
                    "ngày giao dịch",
                    "ngày hạch toán",
                    "ngày thực hiện",
                    "ngày hiệu lực",
                    "ngày chứng từ",
                    "ngày giờ giao dịch",
                    "thời gian giao dịch",
                    "date",
                    "transaction date",
                    "posting date",
                    "booking date",
                    "value date",
                    "effective date",
                    "date time")
            .field(
                    Column.REFERENCE,
                    "số bút toán",
                    "bút toán",
                    "mã giao dịch",
                    "số giao dịch",
                    "số tham chiếu",
                    "mã tham chiếu",
                    "số chứng từ",
                    "số hiệu giao dịch",
                    "reference",
                    "ref",
                    "ref no",
                    "reference no",
                    "reference number",
                    "transaction id",
                    "transaction no",
                    "transaction number",
                    "doc no",
                    "seq no")
            .field(
                    Column.DEBIT,
                    "ghi nợ",
                    "số tiền ghi nợ",
                    "nợ",
                    "phát sinh nợ",
                    "số tiền nợ",
                    "tiền ra",
                    "tiền rút ra",
                    "rút ra",
                    "số tiền chi",
                    "debit",
                    "debit amount",
                    "debits",
                    "dr",
                    "withdrawal",
                    "withdrawals",
                    "money out")
            .field(
                    Column.CREDIT,
                    "ghi có",
                    "số tiền ghi có",
                    "có",
                    "phát sinh có",
                    "số tiền có",
                    "tiền vào",
                    "tiền gửi vào",
                    "gửi vào",
                    "số tiền thu",
                    "credit",
                    "credit amount",
                    "credits",
                    "cr",
                    "deposit",
                    "deposits",
                    "money in")
            .field(Column.AMOUNT, "số tiền", "số tiền giao dịch", "số tiền phát sinh", "amount", "transaction amount")
            .field(
                    Column.SIDE,
                    "loại giao dịch",
                    "nợ có",
                    "ghi nợ ghi có",
                    "dr cr",
                    "debit credit",
                    "c d",
                    "d c",
                    "transaction type",
                    "type")
            .field(
                    Column.BALANCE,
                    "số dư",
                    "số dư sau giao dịch",
                    "số dư cuối",
                    "số dư tài khoản",
                    "balance",
                    "running balance",
                    "available balance")
            .field(
                    Column.DESCRIPTION,
                    "nội dung",
                    "nội dung giao dịch",
                    "nội dung chi tiết",
                    "nội dung thanh toán",
                    "diễn giải",
                    "mô tả",
                    "mô tả giao dịch",
                    "chi tiết",
                    "chi tiết giao dịch",
                    "description",
                    "details",
                    "transaction details",
                    "transactions in detail",
                    "narrative",
                    "remarks",
                    "remark")
            .field(Column.NUMBER, "số thứ tự", "số tt", "serial no")
            .neutral("vnd", "vnđ", "đồng", "đơn vị", "số tiền")
            .required(Column.DATE)
            .build();

    private StatementColumns() {}

    /** The header found in the first rows, with the field each column was taken for; empty when there is none. */
    static Optional<HeaderVocabulary.Header<Column>> find(List<Row> rows) {
        return VOCABULARY.find(rows).map(StatementColumns::withSideSymbols);
    }

    /**
     * A column headed only by symbols ("+/-", "C/D" alone) has no words to recognise; it is the side column when the
     * header has a single amount column and no side yet.
     */
    private static HeaderVocabulary.Header<Column> withSideSymbols(HeaderVocabulary.Header<Column> header) {
        if (header.fields().containsKey(Column.SIDE) || !header.fields().containsKey(Column.AMOUNT)) {
            return header;
        }
        List<HeaderVocabulary.Column<Column>> columns = new ArrayList<>();
        Map<Column, Integer> fields = new EnumMap<>(header.fields());
        for (HeaderVocabulary.Column<Column> c : header.columns()) {
            if (c.field() == null && !fields.containsKey(Column.SIDE) && isSideSymbol(c.header())) {
                c = new HeaderVocabulary.Column<>(c.index(), c.header(), Column.SIDE, 1.0, true);
                fields.put(Column.SIDE, c.index());
            }
            columns.add(c);
        }
        return new HeaderVocabulary.Header<>(header.firstRow(), header.lastRow(), List.copyOf(columns), fields);
    }

    static boolean isSideSymbol(String header) {
        String s = header == null ? "" : header.replaceAll("\\s", "");
        return s.equals("+/-")
                || s.equals("-/+")
                || s.equals("+-")
                || s.equalsIgnoreCase("C/D")
                || s.equalsIgnoreCase("D/C");
    }

    /**
     * Whether the person should confirm the columns: a column read for a field is unsure, even when its whole text
     * (the two rows of a merged header read together: "Số tiền Ghi nợ") is read on its own.
     */
    static boolean unsure(HeaderVocabulary.Header<Column> header) {
        for (HeaderVocabulary.Column<Column> c : header.columns()) {
            if (c.field() == null || c.field() == Column.NUMBER || c.sure()) {
                continue;
            }
            Optional<HeaderVocabulary.Column<Column>> alone = VOCABULARY.recognise(c.header());
            if (alone.isEmpty()
                    || alone.get().field() != c.field()
                    || !alone.get().sure()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the fields taken are enough to read a transaction: a date, a description, and money on some side. */
    static boolean complete(Map<Column, Integer> fields) {
        return fields.containsKey(Column.DATE)
                && fields.containsKey(Column.DESCRIPTION)
                && (fields.containsKey(Column.DEBIT)
                        || fields.containsKey(Column.CREDIT)
                        || fields.containsKey(Column.AMOUNT));
    }

    /** The header cells folded, for recognising the same layout next month (a remembered mapping). */
    static String signature(List<HeaderVocabulary.Column<Column>> columns) {
        StringBuilder out = new StringBuilder();
        for (HeaderVocabulary.Column<Column> c : columns) {
            out.append(c.index()).append('=').append(key(c.header())).append(';');
        }
        return out.length() > 1000 ? out.substring(0, 1000) : out.toString();
    }

    static String key(String header) {
        if (header == null) {
            return "";
        }
        String folded = VietnameseText.fold(header);
        return folded == null ? "" : folded.replaceAll("[^a-z0-9+/-]", "");
    }
}
