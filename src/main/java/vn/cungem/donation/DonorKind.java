package vn.cungem.donation;

/** Who gives: 001 and 003 call on people, businesses, organisations, religious establishments and telecom operators. */
public enum DonorKind {
    INDIVIDUAL("Cá nhân", "Individual"),
    BUSINESS("Doanh nghiệp", "Business"),
    ORGANISATION("Tổ chức, đoàn thể", "Organisation"),
    RELIGIOUS_ESTABLISHMENT("Cơ sở tôn giáo", "Religious establishment"),
    TELECOM_OPERATOR("Nhà mạng viễn thông", "Telecom operator");

    private final String nameVi;
    private final String nameEn;

    DonorKind(String nameVi, String nameEn) {
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
