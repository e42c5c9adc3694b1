package vn.cungem.shared.spreadsheet;

/** The refusals of {@link TabularReader} that {@link SpreadsheetGuard} does not already give, in both languages. */
final class Refusals {

    private Refusals() {}

    static SpreadsheetRefusedException empty() {
        return new SpreadsheetRefusedException("Tệp rỗng.", "The file is empty.");
    }

    static SpreadsheetRefusedException tooBig(long maxBytes) {
        long mb = maxBytes >> 20;
        return new SpreadsheetRefusedException(
                "Tệp lớn hơn " + mb + " MB; hãy tách thành nhiều tệp.",
                "The file is larger than " + mb + " MB; split it.");
    }

    static SpreadsheetRefusedException protectedOrOldExcel() {
        return new SpreadsheetRefusedException(
                "Tệp Excel có mật khẩu hoặc là định dạng .xls cũ: hãy bỏ mật khẩu (Tệp → Thông tin → Bảo vệ"
                        + " sổ làm việc) và lưu thành \"Sổ làm việc Excel (.xlsx)\" hoặc \"CSV UTF-8\".",
                "The Excel file is password-protected or in the old .xls format: remove the password and save it"
                        + " as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\".");
    }

    static SpreadsheetRefusedException unknownEncoding(boolean windows1258) {
        if (!windows1258) {
            return new SpreadsheetRefusedException(
                    "Tệp CSV không phải mã UTF-8: trong Excel hãy chọn \"CSV UTF-8\" khi lưu.",
                    "The CSV file is not UTF-8: in Excel choose \"CSV UTF-8\" when saving.");
        }
        return new SpreadsheetRefusedException(
                "Không đọc được bảng mã của tệp CSV (không phải UTF-8 hay Windows-1258; có thể là phông TCVN3/VNI cũ):"
                        + " trong Excel hãy chọn \"CSV UTF-8 (phân cách bằng dấu phẩy)\" khi lưu, hoặc gửi tệp .xlsx.",
                "The CSV file's encoding cannot be read (neither UTF-8 nor Windows-1258; perhaps an old TCVN3/VNI"
                        + " font): in Excel choose \"CSV UTF-8\" when saving, or send the .xlsx file.");
    }

    static SpreadsheetRefusedException unreadableCharacters() {
        return new SpreadsheetRefusedException(
                "Tệp CSV có ký tự không đọc được; trong Excel hãy chọn \"CSV UTF-8\" khi lưu.",
                "The CSV file has characters that cannot be read; in Excel choose \"CSV UTF-8\" when saving.");
    }

    static SpreadsheetRefusedException unreadableCsv() {
        return new SpreadsheetRefusedException("Không đọc được tệp CSV.", "The CSV file cannot be read.");
    }

    static SpreadsheetRefusedException noSuchSheet() {
        return new SpreadsheetRefusedException("Tệp không có trang tính đã chọn.", "The file has no such sheet.");
    }

    static SpreadsheetRefusedException cellTooLong(int maxChars) {
        return new SpreadsheetRefusedException(
                "Tệp có ô dài bất thường (hơn " + maxChars + " ký tự); tệp bị từ chối.",
                "The file has an abnormally long cell (over " + maxChars + " characters); it is refused.");
    }
}
