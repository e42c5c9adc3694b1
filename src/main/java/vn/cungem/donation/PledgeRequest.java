package vn.cungem.donation;

import java.time.LocalDate;
import java.util.List;
import vn.cungem.shared.Money;

/**
 * A pledge as the public form or the API sends it: goods, money or both; where and when; who. The idempotency key
 * makes a retried or double-clicked submission return the pledge the first one created.
 */
public record PledgeRequest(
        Long campaignId,
        List<PledgeLineRequest> lines,
        Money cashAmountVnd,
        Long collectionPointId,
        LocalDate expectedOn,
        DonorDetails donor,
        Boolean wantsCertificate,
        String note,
        String idempotencyKey) {

    public PledgeRequest {
        wantsCertificate = Boolean.TRUE.equals(wantsCertificate);
        lines = lines == null
                ? List.of()
                : lines.stream().filter(l -> l != null && !l.isEmpty()).toList();
    }
}
