package vn.cungem.donation;

import java.time.LocalDate;
import java.util.List;
import vn.cungem.shared.Money;

/** Everything a manager sees about one pledge: who, what, where, and what has arrived against it. */
public record PledgeDetail(
        PledgeSummary summary,
        String donorEmail,
        String donorTaxCode,
        boolean namedPublicly,
        boolean anonymous,
        boolean wantsCertificate,
        String note,
        List<PledgeLine> lines,
        List<ReceiptRow> receipts,
        List<TransferRow> transfers) {

    public record ReceiptRow(String code, LocalDate receivedOn, String pointName, long items) {}

    public record TransferRow(LocalDate bookedOn, Money creditVnd, String description, String matchMethod) {}
}
