package vn.cungem.donation;

/** The campaign's account that VietQR transfers go to and bank statements come from. */
public record BankAccount(long campaignId, String bankBin, String bankName, String accountNumber, String accountName) {}
