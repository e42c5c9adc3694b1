package vn.cungem.donation.cash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.cungem.donation.TrackingCode;
import vn.cungem.shared.Money;

/**
 * Decides which pledge a credit line pays, in plain Java. First the pledge code in the transfer note (the VietQR note
 * carries it); failing that, the amount and the donor's name: the folded name appears in the folded description and
 * the amount equals what the pledge still expects — and only when exactly one pledge fits, since a wrong match would
 * credit the wrong donor publicly. Bank fees are recognised by the description of a debit line.
 */
public final class Reconciler {

    /** A pledge of the campaign as reconciliation needs it; {@code outstanding} is cash still expected. */
    public record OpenPledge(long id, String code, String donorNameFolded, Money outstanding) {}

    public enum Method {
        CODE,
        AMOUNT_AND_NAME
    }

    public record Match(long pledgeId, Method method) {}

    // "phí", "phi dich vu", "fee", "charge", "phí SMS": what banks write on their own charges.
    private static final Pattern FEE = Pattern.compile("(^|[^a-z])(phi|fee|fees|charge|charges)([^a-z]|$)");
    private static final int MIN_NAME_LENGTH = 5;

    private final Map<String, OpenPledge> byCode = new HashMap<>();
    private final Map<Money, List<OpenPledge>> byOutstanding = new HashMap<>();
    private final Map<Long, Money> outstanding = new HashMap<>();
    private final Map<Long, String> paddedNames = new HashMap<>();

    public Reconciler(List<OpenPledge> pledges) {
        for (OpenPledge p : pledges) {
            byCode.put(p.code(), p);
            outstanding.put(p.id(), p.outstanding());
            if (p.outstanding().isPositive() && p.donorNameFolded().length() >= MIN_NAME_LENGTH) {
                paddedNames.put(p.id(), " " + words(p.donorNameFolded()).trim() + " ");
                byOutstanding
                        .computeIfAbsent(p.outstanding(), k -> new ArrayList<>())
                        .add(p);
            }
        }
    }

    /**
     * The pledge this credit pays, if one can be told for certain. A match lowers what the pledge still expects, so a
     * second equal transfer in the same statement is not matched to it again by amount.
     */
    public Optional<Match> match(Money credit, String description, String descriptionFolded) {
        if (!credit.isPositive()) {
            return Optional.empty();
        }
        Optional<TrackingCode> code = TrackingCode.findPledgeCodeIn(description);
        if (code.isPresent()) {
            OpenPledge pledge = byCode.get(code.get().value());
            if (pledge != null) {
                take(pledge, credit);
                return Optional.of(new Match(pledge.id(), Method.CODE));
            }
        }
        List<OpenPledge> sameAmount = byOutstanding.getOrDefault(credit, List.of());
        if (sameAmount.isEmpty()) {
            return Optional.empty();
        }
        OpenPledge found = null;
        String padded = " " + words(descriptionFolded) + " ";
        for (OpenPledge candidate : sameAmount) {
            if (!outstanding.get(candidate.id()).equals(credit)) {
                continue;
            }
            if (padded.contains(paddedNames.get(candidate.id()))) {
                if (found != null) {
                    return Optional.empty();
                }
                found = candidate;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        take(found, credit);
        return Optional.of(new Match(found.id(), Method.AMOUNT_AND_NAME));
    }

    /** Folded text with every run of characters other than {@code [a-z0-9]} turned into one space. */
    static String words(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        boolean gap = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
                gap = false;
            } else if (!gap) {
                out.append(' ');
                gap = true;
            }
        }
        return out.toString();
    }

    private void take(OpenPledge pledge, Money credit) {
        outstanding.merge(pledge.id(), credit, Money::minus);
    }

    /** A debit line the bank charged itself (phí chuyển tiền, phí SMS, fee): posted as BANK_FEE without asking. */
    public static boolean isBankFee(Money debit, String descriptionFolded) {
        return debit.isPositive() && FEE.matcher(descriptionFolded).find();
    }
}
