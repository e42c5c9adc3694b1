package vn.cungem.donation.cash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import vn.cungem.shared.Money;
import vn.cungem.shared.text.VietnameseText;

/**
 * One line of a bank statement as the bank exported it. Exactly one of debit and credit is positive; {@code balance}
 * is null when the bank prints none.
 *
 * @param row the line number in the file (1-based), for messages
 */
public record StatementLine(
        int row, LocalDate bookedOn, String reference, Money debit, Money credit, Money balance, String description) {

    public String descriptionFolded() {
        return VietnameseText.fold(description);
    }

    /**
     * The same transaction in two overlapping statements gives the same fingerprint: booked date, reference, amounts
     * and the folded description (banks re-export NFC or NFD, with different spacing). {@code occurrence} separates
     * identical lines within one file (two equal transfers on one day without a reference).
     */
    public String fingerprint(int occurrence) {
        return fingerprint(occurrence, descriptionFolded());
    }

    /** {@link #fingerprint(int)} with the folded description already computed (folding is the costly part). */
    String fingerprint(int occurrence, String folded) {
        String key = bookedOn + "|" + (reference == null ? "" : reference.trim()) + "|" + debit.vnd() + "|"
                + credit.vnd() + "|" + folded + "|" + occurrence;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
