package vn.cungem.donation;

/** What a donor needs to send money: the bank, the account, the amount, the note with the code, and the VietQR text. */
public record TransferDetails(
        String bankName,
        String bankBin,
        String accountNumber,
        String accountName,
        long amountVnd,
        String note,
        String payload) {}
