package vn.cungem.donation;

import vn.cungem.shared.Money;

/** What a donor needs to send money: the bank, the account, the amount, the note with the code, and the VietQR text. */
public record TransferDetails(
        String bankName,
        String bankBin,
        String accountNumber,
        String accountName,
        Money amountVnd,
        String note,
        String payload) {}
