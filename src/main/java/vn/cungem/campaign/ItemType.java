package vn.cungem.campaign;

import vn.cungem.shared.text.Labelled;

/** What a campaign accepts from donors, as the source plans list it. */
public enum ItemType implements Labelled {
    LAPTOP("Máy tính xách tay", "Laptop"),
    DESKTOP_SET("Máy tính để bàn (đủ bộ)", "Desktop computer set"),
    TABLET("Máy tính bảng", "Tablet"),
    SMARTPHONE("Điện thoại thông minh", "Smartphone"),
    SIM_4G("SIM 4G", "4G SIM card"),
    // 004: "USB Wi-fi"; 001: connection devices matched to the devices given
    WIFI_DEVICE("Thiết bị kết nối (USB Wi-Fi, bộ phát 4G)", "Connection device (USB Wi-Fi, 4G router)"),
    DATA_PACKAGE("Gói cước dữ liệu", "Data package"),
    // 000: "sách, tập" — traditional learning supplies too
    BOOKS_AND_SUPPLIES("Sách vở, dụng cụ học tập", "Books and school supplies"),
    CASH("Tiền mặt", "Cash");

    private final Label label;

    ItemType(String nameVi, String nameEn) {
        this.label = new Label(nameVi, nameEn);
    }

    @Override
    public Label label() {
        return label;
    }

    public boolean isDevice() {
        return this == LAPTOP || this == DESKTOP_SET || this == TABLET || this == SMARTPHONE;
    }
}
