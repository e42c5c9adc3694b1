package vn.cungem.organisation;

import vn.cungem.shared.text.Labelled;

/** The school levels of the Vietnamese education system; schools have one, campaigns name those they serve. */
public enum SchoolLevel implements Labelled {
    PRESCHOOL("Mầm non", "Preschool"),
    PRIMARY("Tiểu học", "Primary"),
    LOWER_SECONDARY("Trung học cơ sở", "Lower secondary"),
    UPPER_SECONDARY("Trung học phổ thông", "Upper secondary"),
    CONTINUING_EDUCATION("Giáo dục thường xuyên", "Continuing education");

    private final Label label;

    SchoolLevel(String nameVi, String nameEn) {
        this.label = new Label(nameVi, nameEn);
    }

    @Override
    public Label label() {
        return label;
    }
}
