package vn.cungem.student;

import java.time.LocalDate;
import java.util.Optional;
import vn.cungem.shared.InvalidValueException;

/**
 * Số định danh cá nhân (the 12-digit number on a citizen identity card, given to children at birth registration): 3
 * digits for the province of birth registration (001–096), 1 digit for century and sex (0/1 born 1900–1999 male/female,
 * 2/3 born 2000–2099, and so on up to 8/9), 2 digits of the year of birth, 6 random digits. {@link #toString()} is
 * masked so the number never reaches a log by accident.
 */
public record PersonalIdNumber(String digits) {

    public PersonalIdNumber {
        if (digits == null || !digits.matches("\\d{12}")) {
            throw new InvalidValueException(
                    "student.personal-id.format",
                    "Số định danh cá nhân phải gồm đúng 12 chữ số.",
                    "The personal identification number must have exactly 12 digits.");
        }
        int province = Integer.parseInt(digits.substring(0, 3));
        if (province < 1 || province > 96) {
            throw new InvalidValueException(
                    "student.personal-id.province",
                    "Số định danh cá nhân không hợp lệ: 3 chữ số đầu phải là mã tỉnh từ 001 đến 096.",
                    "Not a valid personal identification number: the first 3 digits must be a province code 001–096.");
        }
    }

    /**
     * Spaces, dots and dashes are ignored; 11 digits get their leading zero back, because a spreadsheet that stored the
     * number as a number dropped it.
     */
    public static PersonalIdNumber parse(String raw) {
        String digits = raw == null ? "" : raw.replaceAll("[\\s.\\-]", "");
        if (digits.matches("\\d{11}")) {
            digits = "0" + digits;
        }
        return new PersonalIdNumber(digits);
    }

    /** The year of birth the number encodes. */
    public int birthYear() {
        int centuryDigit = digits.charAt(3) - '0';
        return 1900 + (centuryDigit / 2) * 100 + Integer.parseInt(digits.substring(4, 6));
    }

    /** The sex the number encodes: even century digits are male, odd ones female. */
    public Gender gender() {
        return (digits.charAt(3) - '0') % 2 == 0 ? Gender.MALE : Gender.FEMALE;
    }

    /** A warning when the number disagrees with the birth date or gender typed beside it (one of them is mistyped). */
    public Optional<FieldProblem> disagreement(LocalDate birthDate, Gender typedGender) {
        if (birthDate != null && birthDate.getYear() != birthYear()) {
            return Optional.of(FieldProblem.warning(
                    "personalId",
                    "Năm sinh trong số định danh (" + birthYear() + ") khác ngày sinh đã nhập (" + birthDate.getYear()
                            + "); hãy kiểm tra lại.",
                    "The year of birth in the personal id (" + birthYear() + ") differs from the birth date ("
                            + birthDate.getYear() + "); please check."));
        }
        if (typedGender != null && typedGender != gender()) {
            return Optional.of(FieldProblem.warning(
                    "personalId",
                    "Giới tính trong số định danh (" + gender().labelVi()
                            + ") khác giới tính đã nhập; hãy kiểm tra lại.",
                    "The sex encoded in the personal id (" + gender().labelEn() + ") differs from the gender given;"
                            + " please check."));
        }
        return Optional.empty();
    }

    /** {@code 0790******12}: enough to recognise, not enough to use. */
    public String masked() {
        return digits.substring(0, 4) + "******" + digits.substring(10);
    }

    @Override
    public String toString() {
        return masked();
    }
}
