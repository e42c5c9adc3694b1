package vn.cungem.donation.cash;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cungem.shared.text.VietnameseText;

/**
 * Recognises which bank exported a statement, and the account it is of, from the title block above the header: the
 * bank's name (brand or legal name), its SWIFT code or its NAPAS BIN, and the "Số tài khoản / Account number" row.
 * Neither is ever required: a statement of an unknown bank is read all the same.
 */
final class StatementBanks {

    /** What the title block says: the bank's short code (null when not recognised) and the account number. */
    record Identity(String bank, String account) {

        static final Identity UNKNOWN = new Identity(null, null);

        /** The account a remembered mapping is kept for; blank when the file does not say it. */
        String accountKey() {
            return account == null ? "" : account;
        }
    }

    /**
     * Data: how each bank names itself on its exports (folded), its SWIFT code and its BIN (the banks' published
     * identifiers, as VietQR lists them). The first bank whose mark appears wins.
     */
    private record Bank(String code, Pattern mark) {}

    private static final List<Bank> BANKS = List.of(
            bank("VCB", "vietcombank|ngoai thuong viet nam|bftvvnvx|970436|\\bvcb\\b"),
            bank("VIETINBANK", "vietinbank|cong thuong viet nam|icbvvnvx|970415|efast"),
            bank("BIDV", "\\bbidv\\b|dau tu va phat trien viet nam|bidvvnvx|970418"),
            bank("AGRIBANK", "agribank|nong nghiep va phat trien nong thon|vbaavnvx|970405"),
            bank("TECHCOMBANK", "techcombank|ky thuong viet nam|vtcbvnvx|970407|\\btcb\\b"),
            bank("MB", "mbbank|mb bank|\\bquan doi\\b|mscbvnvx|970422"),
            bank("ACB", "\\bacb\\b|a chau|asia commercial|ascbvnvx|970416"),
            bank("SACOMBANK", "sacombank|sai gon thuong tin|sgttvnvx|970403"),
            bank("TPBANK", "tpbank|tien phong|tpbvvnvx|970423"));

    /** "Số tài khoản: 0071001234567", "Account number / Số TK: 1903 5251 7013", "STK 19020352517013". */
    private static final Pattern ACCOUNT = Pattern.compile(
            "(?:so tai khoan|so tk|\\bstk\\b|tai khoan|account number|account no|a/c no|account)\\W{0,20}?([0-9][0-9 .-]{5,24}[0-9])");

    private StatementBanks() {}

    private static Bank bank(String code, String mark) {
        return new Bank(code, Pattern.compile(mark));
    }

    /** The bank and account the rows above the header name. */
    static Identity recognise(List<List<String>> titleRows) {
        String bank = null;
        String account = null;
        for (List<String> row : titleRows) {
            String text = VietnameseText.fold(
                    String.join(" ", row.stream().map(c -> c == null ? "" : c).toList()));
            if (text == null || text.isBlank()) {
                continue;
            }
            if (bank == null) {
                bank = bankIn(text);
            }
            if (account == null) {
                Matcher m = ACCOUNT.matcher(text);
                if (m.find()) {
                    account = m.group(1).replaceAll("[^0-9]", "");
                }
            }
        }
        return new Identity(bank, account);
    }

    static String bankIn(String folded) {
        for (Bank b : BANKS) {
            if (b.mark().matcher(folded).find()) {
                return b.code();
            }
        }
        return null;
    }
}
