package vn.cungem.organisation;

/** The school levels of the Vietnamese education system; schools have one, campaigns name those they serve. */
public enum SchoolLevel {
    PRESCHOOL("Mầm non", "Preschool"),
    PRIMARY("Tiểu học", "Primary"),
    LOWER_SECONDARY("Trung học cơ sở", "Lower secondary"),
    UPPER_SECONDARY("Trung học phổ thông", "Upper secondary"),
    CONTINUING_EDUCATION("Giáo dục thường xuyên", "Continuing education");

    private final String nameVi;
    private final String nameEn;

    SchoolLevel(String nameVi, String nameEn) {
        this.nameVi = nameVi;
        this.nameEn = nameEn;
    }

    public String nameVi() {
        return nameVi;
    }

    public String nameEn() {
        return nameEn;
    }
}
