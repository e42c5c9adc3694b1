package vn.cungem.donation.cash;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cungem.shared.text.VietnameseText;

/**
 * Finds the header row of a bank statement: the columns it names, by the many names Vietnamese and foreign banks give
 * them. A row is the header when it names at least the date, the description and a debit or credit column.
 */
final class StatementColumns {

    enum Column {
        DATE,
        REFERENCE,
        DEBIT,
        CREDIT,
        BALANCE,
        DESCRIPTION
    }

    /** Header synonyms, folded and stripped of everything but letters and digits. */
    private static final Map<Column, Set<String>> SYNONYMS = Map.of(
            Column.DATE,
            Set.of(
                    "ngay",
                    "ngaygiaodich",
                    "ngaygd",
                    "ngayhachtoan",
                    "ngaythuchien",
                    "ngayhieuluc",
                    "ngaychungtu",
                    "date",
                    "transactiondate",
                    "txndate",
                    "postingdate",
                    "bookingdate",
                    "valuedate",
                    "effectivedate"),
            Column.REFERENCE,
            Set.of(
                    "sobuttoan",
                    "buttoan",
                    "magiaodich",
                    "magd",
                    "sogiaodich",
                    "sothamchieu",
                    "mathamchieu",
                    "sochungtu",
                    "soct",
                    "reference",
                    "ref",
                    "refno",
                    "referenceno",
                    "referencenumber",
                    "transactionid",
                    "transactionno",
                    "transactionnumber"),
            Column.DEBIT,
            Set.of(
                    "ghino",
                    "sotienghino",
                    "no",
                    "psno",
                    "phatsinhno",
                    "sotienno",
                    "tienra",
                    "debit",
                    "debitamount",
                    "debits",
                    "withdrawal",
                    "withdrawals",
                    "moneyout"),
            Column.CREDIT,
            Set.of(
                    "ghico",
                    "sotienghico",
                    "co",
                    "psco",
                    "phatsinhco",
                    "sotienco",
                    "tienvao",
                    "credit",
                    "creditamount",
                    "credits",
                    "deposit",
                    "deposits",
                    "moneyin"),
            Column.BALANCE,
            Set.of("sodu", "sodusau", "sodusaugiaodich", "sodusaugd", "balance", "runningbalance"),
            Column.DESCRIPTION,
            Set.of(
                    "noidung",
                    "noidunggiaodich",
                    "noidungchitiet",
                    "diengiai",
                    "mota",
                    "chitiet",
                    "description",
                    "details",
                    "transactiondetails",
                    "narrative",
                    "remarks"));

    private StatementColumns() {}

    static Map<Column, Integer> header(List<String> cells) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        for (int c = 0; c < cells.size(); c++) {
            String key = headerKey(cells.get(c));
            for (var entry : SYNONYMS.entrySet()) {
                if (entry.getValue().contains(key)) {
                    found.putIfAbsent(entry.getKey(), c);
                }
            }
        }
        boolean complete = found.containsKey(Column.DATE)
                && found.containsKey(Column.DESCRIPTION)
                && (found.containsKey(Column.DEBIT) || found.containsKey(Column.CREDIT));
        return complete ? found : null;
    }

    static String headerKey(String header) {
        if (header == null) {
            return "";
        }
        // "Số tiền ghi có (VND)" and "Credit (VND)": the unit in brackets is not part of the name.
        String withoutUnit = header.replaceAll("\\(.*?\\)", "");
        return VietnameseText.fold(withoutUnit).replaceAll("[^a-z0-9]", "");
    }
}
