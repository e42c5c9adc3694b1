package vn.cungem.inventory.connectivity;

import vn.cungem.shared.spreadsheet.HeaderVocabulary;

/**
 * The columns of an operator's export or a manager's list of SIMs, recognised by meaning ("Số thuê bao", "ICCID",
 * "Gói cước", "Ngày kích hoạt", "Hạn sử dụng" …, in Vietnamese, English or both). Phrases are written without
 * diacritics: the vocabulary folds what it reads, so they match either way.
 */
final class ConnectionHeaders {

    enum Column {
        KIND,
        OPERATOR,
        PHONE,
        SERIAL,
        PACKAGE,
        ALLOWANCE,
        ACTIVATED,
        EXPIRES,
        STATUS,
        REASON,
        NOTE,
        /** "STT / No.": recognised so that it is not taken for a number column; never read. */
        ROW_NUMBER
    }

    private ConnectionHeaders() {}

    /** Data: the names operators' exports and people give these columns. */
    static final HeaderVocabulary<Column> VOCABULARY = HeaderVocabulary.of(Column.class)
            .field(Column.KIND, "loai", "loai thiet bi", "loai hang", "type", "kind", "item type")
            .field(Column.OPERATOR, "nha mang", "mang", "nha cung cap", "operator", "carrier", "network", "provider")
            .field(
                    Column.PHONE,
                    "so thue bao",
                    "thue bao",
                    "so dien thoai",
                    "dien thoai",
                    "so sim",
                    "so may",
                    "msisdn",
                    "isdn",
                    "phone number",
                    "phone",
                    "mobile number",
                    "subscriber number",
                    "subscriber")
            .field(
                    Column.SERIAL,
                    "iccid",
                    "serial",
                    "so serial",
                    "seri",
                    "so seri",
                    "serial number",
                    "sim serial",
                    "imei",
                    "so imei",
                    "ma thiet bi")
            .field(
                    Column.PACKAGE,
                    "goi cuoc",
                    "ten goi",
                    "ten goi cuoc",
                    "ma goi",
                    "goi data",
                    "package",
                    "data package",
                    "plan",
                    "data plan")
            .field(
                    Column.ALLOWANCE,
                    "dung luong",
                    "dung luong data",
                    "luu luong",
                    "data thang",
                    "allowance",
                    "data allowance",
                    "quota",
                    "gb thang")
            .field(
                    Column.ACTIVATED,
                    "ngay kich hoat",
                    "kich hoat",
                    "ngay dau noi",
                    "ngay bat dau",
                    "activation date",
                    "activated on",
                    "start date")
            .field(
                    Column.EXPIRES,
                    "han su dung",
                    "ngay het han",
                    "het han",
                    "han dung",
                    "hieu luc den",
                    "expiry date",
                    "expiry",
                    "expires",
                    "expiration date",
                    "valid until",
                    "end date")
            .field(Column.STATUS, "trang thai", "tinh trang", "status", "state")
            .field(Column.REASON, "ly do", "nguyen nhan", "mo ta loi", "reason", "problem", "issue")
            .field(Column.NOTE, "ghi chu", "note", "notes", "remarks", "comment")
            .field(Column.ROW_NUMBER, "stt", "so thu tu", "no")
            .neutral("cua", "sim", "gb", "gb thang", "dd mm yyyy", "ngay thang nam")
            .build();
}
