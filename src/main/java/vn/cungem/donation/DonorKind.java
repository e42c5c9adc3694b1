package vn.cungem.donation;

import vn.cungem.shared.text.Labelled;

/** Who gives: 001 and 003 call on people, businesses, organisations, religious establishments and telecom operators. */
public enum DonorKind implements Labelled {
    INDIVIDUAL("Cá nhân", "Individual"),
    BUSINESS("Doanh nghiệp", "Business"),
    ORGANISATION("Tổ chức, đoàn thể", "Organisation"),
    RELIGIOUS_ESTABLISHMENT("Cơ sở tôn giáo", "Religious establishment"),
    TELECOM_OPERATOR("Nhà mạng viễn thông", "Telecom operator");

    private final Label label;

    DonorKind(String nameVi, String nameEn) {
        this.label = new Label(nameVi, nameEn);
    }

    @Override
    public Label label() {
        return label;
    }
}
