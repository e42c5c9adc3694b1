package vn.cungem.donation;

/** 001: used devices in working order, and partly broken ones that can be repaired cheaply, are accepted too. */
public enum ItemCondition {
    NEW("Mới", "New"),
    USED_WORKING("Đã qua sử dụng, còn tốt", "Used, working"),
    USED_NEEDS_REPAIR("Đã qua sử dụng, cần sửa", "Used, needs repair");

    private final String nameVi;
    private final String nameEn;

    ItemCondition(String nameVi, String nameEn) {
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
