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
            out.add(FieldProblem.of("bankBin", "bank.bin", "donation.error.bank.bin"));
        }
        if (n.accountNumber() == null || !n.accountNumber().matches("\\d{6,19}")) {
            out.add(FieldProblem.of("accountNumber", "bank.account", "donation.error.bank.account"));
        }
        if (n.accountName() == null
                || n.accountName().isEmpty()
                || n.accountName().length() > 100) {
            out.add(FieldProblem.of("accountName", "bank.name", "donation.error.bank.name"));
        }
        return out;
    }
}
