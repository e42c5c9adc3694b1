package vn.cungem.demo.generator;

import java.time.LocalDate;
import java.util.List;
import vn.cungem.shared.text.Formats;

/** A synthetic student in need, as a school's spreadsheet would list them. */
public record StudentRecord(
        String fullName,
        LocalDate dateOfBirth,
        boolean female,
        String personalId,
        String schoolCode,
        int grade,
        String className,
        String communeCode,
        String address,
        String guardianName,
        String guardianPhone,
        List<String> categories) {

    public static final String HEADER = "full_name,date_of_birth,gender,personal_id,school_code,grade,class,"
            + "commune_code,address,guardian_name,guardian_phone,categories";

    public String csv() {
        return Csv.line(
                fullName,
                Formats.date(dateOfBirth),
                female ? "Nữ" : "Nam",
                personalId,
                schoolCode,
                Integer.toString(grade),
                className,
                communeCode,
                address,
                guardianName,
                guardianPhone,
                String.join("; ", categories));
    }
}
