package vn.cungem.student;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.cungem.campaign.PriorityCategory;

/**
 * What checking a student needs to know besides the typed values: the campaign's priority categories, how to find a
 * school by its MOET code and a commune or ward by code or name, the school already chosen (a school officer registers
 * for their own school), and today. The importer fills the lookups from memory so a 100,000-row file asks the database
 * nothing per row.
 */
public final class ValidationContext {

    private final List<PriorityCategory> categories;
    private final Function<String, Optional<SchoolRef>> schoolByCode;
    private final Function<String, Optional<Long>> communeByCodeOrName;
    private final SchoolRef fixedSchool;
    private final LocalDate today;
    private final Map<String, PriorityCategory> categoryIndex = new HashMap<>();

    /**
     * @param schoolByCode a school by its MOET code (already stripped); may be null when only {@code fixedSchool} is
     *     allowed
     * @param communeByCodeOrName a commune or ward's unit id by its official code or its name (raw, as typed)
     * @param fixedSchool the school when it is already known (a school officer's form), else null
     * @param today the day birth dates are checked against; null means today in Vietnam
     */
    public ValidationContext(
            List<PriorityCategory> categories,
            Function<String, Optional<SchoolRef>> schoolByCode,
            Function<String, Optional<Long>> communeByCodeOrName,
            SchoolRef fixedSchool,
            LocalDate today) {
        this.categories = List.copyOf(categories);
        this.schoolByCode = schoolByCode == null ? code -> Optional.empty() : schoolByCode;
        this.communeByCodeOrName = communeByCodeOrName == null ? name -> Optional.empty() : communeByCodeOrName;
        this.fixedSchool = fixedSchool;
        this.today = today == null ? LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")) : today;
        for (PriorityCategory c : this.categories) {
            categoryIndex.put(Labels.fold(c.nameEn()), c);
            categoryIndex.put(Labels.fold(c.nameVi()), c);
            categoryIndex.put(Labels.fold(c.code()), c);
        }
    }

    public List<PriorityCategory> categories() {
        return categories;
    }

    public Optional<SchoolRef> schoolByCode(String code) {
        return schoolByCode.apply(code);
    }

    public Optional<Long> communeByCodeOrName(String raw) {
        return communeByCodeOrName.apply(raw);
    }

    public SchoolRef fixedSchool() {
        return fixedSchool;
    }

    public LocalDate today() {
        return today;
    }

    /** For one school's form: the school is given, communes are looked up by the caller's function. */
    public static ValidationContext forSchool(
            List<PriorityCategory> categories,
            SchoolRef school,
            Function<String, Optional<Long>> communeByCodeOrName,
            LocalDate today) {
        return new ValidationContext(
                categories,
                code -> school.moetCode() != null && school.moetCode().equalsIgnoreCase(code.strip())
                        ? Optional.of(school)
                        : Optional.empty(),
                communeByCodeOrName,
                school,
                today);
    }

    /** The campaign's category for a code or its Vietnamese or English name, folded. */
    public Optional<PriorityCategory> category(String raw) {
        return Optional.ofNullable(categoryIndex.get(Labels.fold(raw)));
    }
}
