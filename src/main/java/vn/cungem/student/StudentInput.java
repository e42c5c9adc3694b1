package vn.cungem.student;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.text.VietnameseText;

/**
 * A student as a form, the API or a spreadsheet row gives it: raw strings, any of them blank or badly typed. {@link
 * #validate(ValidationContext)} is the one place that reads them, so a student typed in the browser, sent to the API or
 * imported from a file is checked by the same rules and gets the same messages.
 *
 * @param school the school's MOET code; blank when the context has a fixed school
 * @param homeUnit the commune or ward of residence, by official code or name
 * @param categories priority categories by code or name, separated by commas, semicolons or new lines
 * @param needs what the student needs ({@link Needs#parse(String)}); blank means a device
 */
public record StudentInput(
        String fullName,
        String birthDate,
        String gender,
        String personalId,
        String moetCode,
        String school,
        String grade,
        String className,
        String homeUnit,
        String address,
        String guardianName,
        String guardianPhone,
        String categories,
        String deviceSituation,
        String connectivity,
        String needs,
        String notes) {

    private static final Pattern GRADE = Pattern.compile("(?:lop|khoi|grade)?\\s*(\\d{1,2})\\s*([a-z]?\\d*[a-z]?\\d*)");
    private static final Pattern MOET_CODE = Pattern.compile("[A-Z0-9][A-Z0-9\\-]{0,31}");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{M} '\\-.]");
    /**
     * Symbols that a Vietnamese name shows when it was typed with an old 8-bit font (TCVN3/ABC ".VnTime", VNI) and read
     * as Unicode: "Ph¹m V¨n An" for Phạm Văn An, "Lª ThÞ Hµ" for Lê Thị Hà. None belongs in a Vietnamese name (some
     * are letters, so the letters-only rule alone would let "Lª ThÞ Hµ" through); their presence names the cause.
     */
    private static final Pattern TCVN3 = Pattern.compile("[¸¹µ¶·¨©ª«®¬¯°±²³´½¾¼»º×÷Þþ]");

    public Validated validate(ValidationContext context) {
        List<FieldProblem> problems = new ArrayList<>();

        String name = personName(fullName, "fullName", "Họ và tên học sinh", "Student's full name", true, problems);

        LocalDate born = null;
        if (blank(birthDate)) {
            problems.add(FieldProblem.error("birthDate", "Chưa nhập ngày sinh.", "The date of birth is missing."));
        } else {
            Optional<LocalDate> parsed = StudentDates.parse(birthDate, context.today());
            if (parsed.isEmpty()) {
                problems.add(FieldProblem.error(
                        "birthDate",
                        "Ngày sinh \"" + shown(birthDate)
                                + "\" không đọc được; hãy ghi theo dạng ngày/tháng/năm, ví dụ 05/09/2012.",
                        "Cannot read the date of birth \"" + shown(birthDate)
                                + "\"; write it as day/month/year, e.g. 05/09/2012."));
            } else if (parsed.get().isAfter(context.today().minusYears(3))
                    || parsed.get().isBefore(context.today().minusYears(25))) {
                problems.add(FieldProblem.error(
                        "birthDate",
                        "Ngày sinh " + vi(parsed.get()) + " không hợp lý cho một học sinh (từ 3 đến 25 tuổi).",
                        "The date of birth " + parsed.get() + " is not plausible for a student (3 to 25 years old)."));
            } else {
                born = parsed.get();
            }
        }

        Gender sex = null;
        if (blank(gender)) {
            problems.add(
                    FieldProblem.error("gender", "Chưa nhập giới tính (Nam/Nữ).", "The gender is missing (Nam/Nữ)."));
        } else {
            sex = Gender.parse(gender).orElse(null);
            if (sex == null) {
                problems.add(FieldProblem.error(
                        "gender",
                        "Giới tính \"" + shown(gender) + "\" không rõ; hãy ghi Nam hoặc Nữ.",
                        "Unknown gender \"" + shown(gender) + "\"; write Nam (male) or Nữ (female)."));
            }
        }

        PersonalIdNumber id = null;
        if (!blank(personalId)) {
            try {
                id = PersonalIdNumber.parse(personalId);
                id.disagreement(born, sex).ifPresent(problems::add);
            } catch (InvalidValueException e) {
                // the typed number is not repeated: it may be a real number with one digit wrong
                problems.add(FieldProblem.error("personalId", e.messageVi(), e.messageEn()));
            }
        }

        String studentCode = null;
        if (!blank(moetCode)) {
            studentCode = VietnameseText.tidy(moetCode).replace(" ", "").toUpperCase(Locale.ROOT);
            if (!MOET_CODE.matcher(studentCode).matches()) {
                problems.add(FieldProblem.error(
                        "moetCode",
                        "Mã học sinh chỉ gồm chữ cái không dấu và chữ số, tối đa 32 ký tự.",
                        "The MOET student code may contain only letters A–Z and digits, at most 32 characters."));
                studentCode = null;
            }
        }

        SchoolRef schoolRef = school(context, problems);

        Integer gradeNumber = null;
        String klass = tidyOrNull(className);
        if (blank(grade)) {
            problems.add(FieldProblem.error("grade", "Chưa nhập khối lớp (1–12).", "The grade is missing (1–12)."));
        } else {
            Matcher m = GRADE.matcher(VietnameseText.fold(grade));
            int value = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (value < 1 || value > 12) {
                problems.add(FieldProblem.error(
                        "grade",
                        "Khối lớp \"" + shown(grade) + "\" không hợp lệ; hãy ghi một số từ 1 đến 12.",
                        "Grade \"" + shown(grade) + "\" is not valid; write a number from 1 to 12."));
            } else {
                gradeNumber = value;
                // "6A3" typed in the grade column is both the grade and the class
                if (klass == null && !m.group(2).isEmpty()) {
                    klass = VietnameseText.tidy(grade).toUpperCase(VietnameseText.VIETNAMESE);
                }
                if (schoolRef != null && !schoolRef.teaches(value)) {
                    problems.add(FieldProblem.warning(
                            "grade",
                            "Trường " + schoolRef.name() + " không dạy lớp " + value + "; hãy kiểm tra lại khối lớp.",
                            "School " + schoolRef.name() + " does not teach grade " + value + "; please check."));
                }
            }
        }
        klass = limit(klass, 20, "className", "Lớp", "Class", problems);

        Long homeUnitId = null;
        if (!blank(homeUnit)) {
            homeUnitId = context.communeByCodeOrName(homeUnit.strip()).orElse(null);
            if (homeUnitId == null) {
                problems.add(FieldProblem.warning(
                        "homeUnit",
                        "Không tìm thấy xã/phường \"" + shown(homeUnit) + "\"; hãy ghi mã hoặc tên đúng như danh mục.",
                        "No commune or ward \"" + shown(homeUnit) + "\" found; use its official code or name."));
            }
        }

        String addr = limit(tidyOrNull(address), 300, "address", "Địa chỉ", "Address", problems);
        String guardian =
                personName(guardianName, "guardianName", "Họ tên phụ huynh", "Guardian's name", false, problems);

        PhoneNumber phone = null;
        if (!blank(guardianPhone)) {
            try {
                phone = PhoneNumber.parse(guardianPhone);
            } catch (InvalidValueException e) {
                problems.add(FieldProblem.error("guardianPhone", e.messageVi(), e.messageEn()));
            }
        }

        TreeSet<String> categoryCodes = new TreeSet<>();
        if (!blank(categories)) {
            for (String part : categories.split("[,;\\n]")) {
                if (part.isBlank()) {
                    continue;
                }
                Optional<PriorityCategory> category = context.category(part);
                if (category.isPresent()) {
                    categoryCodes.add(category.get().code());
                } else {
                    String known = context.categories().stream()
                            .map(PriorityCategory::nameVi)
                            .collect(Collectors.joining("; "));
                    problems.add(FieldProblem.error(
                            "categories",
                            "Đối tượng ưu tiên \"" + shown(part) + "\" không có trong chương trình này. Các đối tượng: "
                                    + known + ".",
                            "Priority category \"" + shown(part) + "\" is not one of this campaign's: "
                                    + context.categories().stream()
                                            .map(PriorityCategory::code)
                                            .collect(Collectors.joining(", "))
                                    + "."));
                }
            }
        }

        DeviceSituation device = required(
                deviceSituation,
                DeviceSituation.parse(deviceSituation),
                "deviceSituation",
                "Tình trạng thiết bị",
                "Device situation",
                "Chưa có thiết bị / Thiết bị hỏng / Dùng chung với anh chị em",
                problems);
        Connectivity connection = required(
                connectivity,
                Connectivity.parse(connectivity),
                "connectivity",
                "Kết nối internet",
                "Connectivity",
                "Có internet tại nhà / Dùng dữ liệu di động / Không có kết nối",
                problems);

        Needs need = Needs.parse(needs).orElse(null);
        if (need == null) {
            problems.add(FieldProblem.error(
                    "needs",
                    "Nhu cầu \"" + shown(needs) + "\" không rõ; hãy ghi: thiết bị, SIM, gói cước, Wi-Fi.",
                    "Unknown needs \"" + shown(needs) + "\"; write: device, SIM, data, Wi-Fi."));
        }

        String note = limit(tidyOrNull(notes), 1000, "notes", "Ghi chú", "Notes", problems);

        if (problems.stream().anyMatch(FieldProblem::isError)) {
            return new Validated(null, null, problems);
        }
        StudentDetails details = new StudentDetails(
                name,
                born,
                sex,
                id,
                studentCode,
                schoolRef.id(),
                schoolRef.unitId(),
                gradeNumber,
                klass,
                homeUnitId,
                addr,
                guardian,
                phone,
                categoryCodes,
                device,
                connection,
                need,
                note);
        return new Validated(details, details.priority(context.categories()), problems);
    }

    private SchoolRef school(ValidationContext context, List<FieldProblem> problems) {
        SchoolRef fixed = context.fixedSchool();
        if (blank(school)) {
            if (fixed == null) {
                problems.add(FieldProblem.error("school", "Chưa nhập mã trường.", "The school code is missing."));
            }
            return fixed;
        }
        Optional<SchoolRef> found = context.schoolByCode(school.strip());
        if (found.isEmpty()) {
            problems.add(FieldProblem.error(
                    "school",
                    "Không tìm thấy trường có mã \"" + shown(school) + "\" trong phạm vi của bạn.",
                    "No school with code \"" + shown(school) + "\" within your scope."));
            return null;
        }
        if (fixed != null && fixed.id() != found.get().id()) {
            problems.add(FieldProblem.error(
                    "school",
                    "Mã trường \"" + shown(school) + "\" không phải trường " + fixed.name() + " đang nhập.",
                    "School code \"" + shown(school) + "\" is not " + fixed.name() + ", the school being entered."));
            return null;
        }
        return found.get();
    }

    private static <E> E required(
            String raw,
            Optional<E> parsed,
            String field,
            String labelVi,
            String labelEn,
            String choicesVi,
            List<FieldProblem> problems) {
        if (blank(raw)) {
            problems.add(FieldProblem.error(
                    field,
                    "Chưa nhập " + labelVi.toLowerCase(VietnameseText.VIETNAMESE) + ".",
                    labelEn + " is missing."));
            return null;
        }
        if (parsed.isEmpty()) {
            problems.add(FieldProblem.error(
                    field,
                    labelVi + " \"" + shown(raw) + "\" không rõ; hãy chọn: " + choicesVi + ".",
                    labelEn + " \"" + shown(raw) + "\" is not one of the choices."));
            return null;
        }
        return parsed.get();
    }

    private static String personName(
            String raw, String field, String labelVi, String labelEn, boolean required, List<FieldProblem> problems) {
        String tidy = tidyOrNull(raw);
        if (tidy == null) {
            if (required) {
                problems.add(FieldProblem.error(field, labelVi + ": chưa nhập.", labelEn + " is missing."));
            }
            return null;
        }
        if (TCVN3.matcher(tidy).find()) {
            problems.add(FieldProblem.error(
                    field,
                    labelVi + " \"" + shown(raw) + "\" có vẻ được gõ bằng phông TCVN3 (.VnTime) hoặc VNI cũ: hãy chuyển"
                            + " mã sang Unicode (ví dụ Unikey → Công cụ chuyển mã) rồi tải lên lại.",
                    labelEn + " \"" + shown(raw) + "\" looks typed in an old TCVN3 (.VnTime) or VNI font: convert the"
                            + " file to Unicode (e.g. Unikey's converter) and upload it again."));
            return null;
        }
        if (!LETTER.matcher(tidy).find() || NOT_NAME.matcher(tidy).find()) {
            problems.add(FieldProblem.error(
                    field,
                    labelVi + " \"" + shown(raw) + "\" chỉ được gồm chữ cái và dấu cách.",
                    labelEn + " \"" + shown(raw) + "\" may contain only letters and spaces."));
            return null;
        }
        return limit(titleCaseIfShouting(tidy), 200, field, labelVi, labelEn, problems);
    }

    /** {@code NGUYỄN VĂN AN} → {@code Nguyễn Văn An}; names typed in mixed case are left as typed. */
    static String titleCaseIfShouting(String name) {
        if (!name.equals(name.toUpperCase(VietnameseText.VIETNAMESE))) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            out.appendCodePoint(start ? Character.toTitleCase(cp) : Character.toLowerCase(cp));
            start = cp == ' ' || cp == '-';
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String limit(
            String value, int max, String field, String labelVi, String labelEn, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(FieldProblem.error(
                    field,
                    labelVi + " dài quá " + max + " ký tự.",
                    labelEn + " is longer than " + max + " characters."));
            return null;
        }
        return value;
    }

    private static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }

    private static String tidyOrNull(String raw) {
        String tidy = VietnameseText.tidy(raw);
        return tidy == null || tidy.isEmpty() ? null : tidy;
    }

    /** The typed value, cut short, for quoting in a message: a cell of megabytes must not become a message of them. */
    private static String shown(String raw) {
        String tidy = VietnameseText.tidy(raw);
        return tidy.length() > 40 ? tidy.substring(0, 40) + "…" : tidy;
    }

    private static String vi(LocalDate date) {
        return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
