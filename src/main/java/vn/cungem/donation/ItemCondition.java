package vn.cungem.donation;

import vn.cungem.shared.text.Labelled;

/** 001: used devices in working order, and partly broken ones that can be repaired cheaply, are accepted too. */
public enum ItemCondition implements Labelled {
    NEW("Mới", "New"),
    USED_WORKING("Đã qua sử dụng, còn tốt", "Used, working"),
    USED_NEEDS_REPAIR("Đã qua sử dụng, cần sửa", "Used, needs repair");

    private final Label label;

    ItemCondition(String nameVi, String nameEn) {
        this.label = new Label(nameVi, nameEn);
    }

    @Override
    public Label label() {
        return label;
    }
}
