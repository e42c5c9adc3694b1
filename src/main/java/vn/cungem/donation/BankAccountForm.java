package vn.cungem.donation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.cungem.donation.vietqr.VietnameseBank;
import vn.cungem.shared.text.VietnameseText;

/** A manager's entry of the campaign's bank account. The account name is kept as banks print it: ASCII capitals. */
public record BankAccountForm(String bankBin, String accountNumber, String accountName) {

    public BankAccountForm normalised() {
        return new BankAccountForm(
                bankBin == null ? null : bankBin.trim(),
                accountNumber == null ? null : accountNumber.replaceAll("[\\s.-]", ""),
                accountName == null
                        ? null
                        : VietnameseText.fold(accountName)
                                .toUpperCase(Locale.ROOT)
                                .replaceAll("[^A-Z0-9 ]", " ")
                                .replaceAll("\\s+", " ")
                                .trim());
    }

    public List<FieldProblem> problems() {
        BankAccountForm n = normalised();
        List<FieldProblem> out = new ArrayList<>();
        if (n.bankBin() == null || VietnameseBank.byBin(n.bankBin()).isEmpty()) {
            out.add(new FieldProblem(
                    "bankBin", "bank.bin", "Chọn ngân hàng trong danh sách.", "Choose a bank from the list."));
        }
        if (n.accountNumber() == null || !n.accountNumber().matches("\\d{6,19}")) {
            out.add(new FieldProblem(
                    "accountNumber",
                    "bank.account",
                    "Số tài khoản gồm 6 đến 19 chữ số.",
                    "The account number has 6 to 19 digits."));
        }
        if (n.accountName() == null
                || n.accountName().isEmpty()
                || n.accountName().length() > 100) {
            out.add(new FieldProblem(
                    "accountName",
                    "bank.name",
                    "Nhập tên chủ tài khoản như in trên sao kê (tối đa 100 ký tự).",
                    "Enter the account holder's name as the statement prints it (at most 100 characters)."));
        }
        return out;
    }
}
