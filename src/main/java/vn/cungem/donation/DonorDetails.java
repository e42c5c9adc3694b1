package vn.cungem.donation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.NameShape;
import vn.cungem.shared.text.VietnameseText;

/**
 * Who gives, as the donor typed it. {@link #normalised()} tidies the name, puts the phone in its national form and the
 * tax code in digits; {@link #problems(String)} lists what is wrong, each tied to a field under the given prefix.
 */
public record DonorDetails(
        DonorKind kind,
        String name,
        String phone,
        String email,
        String taxCode,
        String address,
        Boolean namedPublicly,
        Boolean anonymous) {

    public DonorDetails {
        namedPublicly = Boolean.TRUE.equals(namedPublicly);
        anonymous = Boolean.TRUE.equals(anonymous);
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    // Mã số thuế: 10 digits for the enterprise, 13 (10 + a 3-digit branch suffix, often written with a dash) for a
    // branch.
    private static final Pattern TAX_CODE = Pattern.compile("\\d{10}|\\d{13}");

    public DonorDetails normalised() {
        String cleanPhone = blank(phone) ? null : phone;
        try {
            if (cleanPhone != null) {
                cleanPhone = PhoneNumber.parse(cleanPhone).national();
            }
        } catch (InvalidValueException e) {
            // kept as typed; problems() reports it
        }
        String cleanTax = blank(taxCode) ? null : taxCode.replaceAll("[\\s.-]", "");
        return new DonorDetails(
                kind == null ? DonorKind.INDIVIDUAL : kind,
                blank(name) ? null : VietnameseText.tidy(name),
                cleanPhone,
                blank(email) ? null : email.trim().toLowerCase(java.util.Locale.ROOT),
                cleanTax,
                blank(address) ? null : VietnameseText.tidy(address),
                !anonymous && namedPublicly,
                anonymous);
    }

    public List<FieldProblem> problems(String prefix) {
        List<FieldProblem> out = new ArrayList<>();
        if (blank(name) && !anonymous) {
            out.add(FieldProblem.of(prefix + "name", "donor.name.required", "donation.error.donor.name.required"));
        } else if (name != null && name.length() > 200) {
            out.add(FieldProblem.of(prefix + "name", "donor.name.long", "donation.error.donor.name.long"));
        } else if (NameShape.containsLink(name)) {
            // A company's name may hold digits and signs, but never a link or an address: the name may be shown
            // publicly and printed on certificates.
            out.add(FieldProblem.of(prefix + "name", "donor.name.link", "donation.error.donor.name.link"));
        }
        if (blank(phone)) {
            out.add(FieldProblem.of(prefix + "phone", "donor.phone.required", "donation.error.donor.phone.required"));
        } else {
            try {
                PhoneNumber.parse(phone);
            } catch (InvalidValueException e) {
                out.add(FieldProblem.of(prefix + "phone", e));
            }
        }
        if (!blank(email)
                && (email.length() > 254 || !EMAIL.matcher(email.trim()).matches())) {
            out.add(FieldProblem.of(prefix + "email", "donor.email.invalid", "donation.error.donor.email.invalid"));
        }
        if (kind == DonorKind.BUSINESS) {
            String digits = blank(taxCode) ? "" : taxCode.replaceAll("[\\s.-]", "");
            if (!TAX_CODE.matcher(digits).matches()) {
                out.add(FieldProblem.of(
                        prefix + "taxCode", "donor.tax-code.invalid", "donation.error.donor.tax-code.invalid"));
            }
        }
        if (address != null && address.length() > 300) {
            out.add(FieldProblem.of(prefix + "address", "donor.address.long", "donation.error.donor.address.long"));
        }
        return out;
    }

    /** The name the public portal shows: the name only when the donor agreed. */
    public static String publicName(String name, boolean namedPublicly, boolean anonymous) {
        return namedPublicly && !anonymous && name != null ? name : unnamed();
    }

    /**
     * The name as a receiver outside the pledge's follow-up sees it: the family name and initials ("Trần V. K."), so
     * the goods can be matched to the person at the counter without handing out the full name.
     */
    public static String maskedName(String name) {
        if (name == null || name.isBlank()) {
            return unnamed();
        }
        String[] parts = name.trim().split("\\s+");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(' ')
                    .append(parts[i].codePoints()
                            .limit(1)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append))
                    .append('.');
        }
        return out.toString();
    }

    /** Pages show donors' names as stored, in Vietnamese; so does the stand-in for a name that may not be shown. */
    private static String unnamed() {
        return Bundles.vi("donation.donor.unnamed");
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
