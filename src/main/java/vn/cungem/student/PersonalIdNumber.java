package vn.cungem.student;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Số định danh cá nhân (the 12-digit number on a citizen identity card, given to children at birth registration): 3
 * digits for the province of birth registration (001–096), 1 digit for century and sex (0/1 born 1900–1999 male/female,
 * 2/3 born 2000–2099, and so on up to 8/9), 2 digits of the year of birth, 6 random digits. {@link #toString()} is
 * masked so the number never reaches a log by accident.
 */
public record PersonalIdNumber(String digits) {

    // Compiled once: every row of an import has a number.
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{11}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]");

    public PersonalIdNumber {
        if (digits != null && DIGITS.matcher(digits).matches() && digits.length() != 12) {
            // a digit typed twice or dropped: say how many there are, not only that the number is wrong
            throw StudentTexts.invalid("student.personal-id.length", String.valueOf(digits.length()));
        }
        if (digits == null || !TWELVE_DIGITS.matcher(digits).matches()) {
            throw StudentTexts.invalid("student.personal-id.format");
        }
        int province = Integer.parseInt(digits.substring(0, 3));
        if (province < 1 || province > 96) {
            throw StudentTexts.invalid("student.personal-id.province");
        }
    }

    /**
     * Spaces, dots and dashes are ignored; 11 digits get their leading zero back, because a spreadsheet that stored the
     * number as a number dropped it.
     */
    public static PersonalIdNumber parse(String raw) {
        String digits = raw == null ? "" : SEPARATORS.matcher(raw).replaceAll("");
        if (ELEVEN_DIGITS.matcher(digits).matches()) {
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
            // years as text: the bundles would print 2012 as 2.012
            return Optional.of(FieldProblem.warningOf(
                    "personalId",
                    "student.problem.personalId.birthYear",
                    String.valueOf(birthYear()),
                    String.valueOf(birthDate.getYear())));
        }
        if (typedGender != null && typedGender != gender()) {
            return Optional.of(
                    FieldProblem.warningOf("personalId", "student.problem.personalId.gender", gender().label()));
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
