package vn.cungem.donation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.PhoneNumber;
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
            out.add(new FieldProblem(
                    prefix + "name",
                    "donor.name.required",
                    "Xin cho biết tên người hoặc đơn vị ủng hộ (hoặc chọn ủng hộ ẩn danh).",
                    "Please give the donor's name (or choose to give anonymously)."));
        } else if (name != null && name.length() > 200) {
            out.add(new FieldProblem(
                    prefix + "name", "donor.name.long", "Tên dài quá 200 ký tự.", "The name is over 200 characters."));
        } else if (NameShape.containsLink(name)) {
            // A company's name may hold digits and signs, but never a link or an address: the name may be shown
            // publicly and printed on certificates.
            out.add(new FieldProblem(
                    prefix + "name",
                    "donor.name.link",
                    "Tên không được chứa đường link, địa chỉ web hay email.",
                    "The name may not contain a link, a web address or an email address."));
        }
        if (blank(phone)) {
            out.add(new FieldProblem(
                    prefix + "phone",
                    "donor.phone.required",
                    "Xin để lại số điện thoại để điểm tiếp nhận liên hệ khi cần.",
                    "Please leave a phone number so the collection point can reach you."));
        } else {
            try {
                PhoneNumber.parse(phone);
            } catch (InvalidValueException e) {
                out.add(new FieldProblem(prefix + "phone", e.code(), e.messageVi(), e.messageEn()));
            }
        }
        if (!blank(email)
                && (email.length() > 254 || !EMAIL.matcher(email.trim()).matches())) {
            out.add(new FieldProblem(
                    prefix + "email",
                    "donor.email.invalid",
                    "Địa chỉ email không đúng (ví dụ ten@example.vn).",
                    "Not a valid email address (e.g. name@example.vn)."));
        }
        if (kind == DonorKind.BUSINESS) {
            String digits = blank(taxCode) ? "" : taxCode.replaceAll("[\\s.-]", "");
            if (!TAX_CODE.matcher(digits).matches()) {
                out.add(new FieldProblem(
                        prefix + "taxCode",
                        "donor.tax-code.invalid",
                        "Mã số thuế doanh nghiệp gồm 10 chữ số (hoặc 13 chữ số cho chi nhánh).",
                        "A business tax code has 10 digits (or 13 for a branch)."));
            }
        }
        if (address != null && address.length() > 300) {
            out.add(new FieldProblem(
                    prefix + "address",
                    "donor.address.long",
                    "Địa chỉ dài quá 300 ký tự.",
                    "The address is over 300 characters."));
        }
        return out;
    }

    /** The name the public portal shows: the name only when the donor agreed. */
    public static String publicName(String name, boolean namedPublicly, boolean anonymous) {
        return namedPublicly && !anonymous && name != null ? name : "Nhà hảo tâm";
    }

    /**
     * The name as a receiver outside the pledge's follow-up sees it: the family name and initials ("Trần V. K."), so
     * the goods can be matched to the person at the counter without handing out the full name.
     */
    public static String maskedName(String name) {
        if (name == null || name.isBlank()) {
            return "Nhà hảo tâm";
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

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
