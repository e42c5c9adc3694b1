package vn.cungem.campaign;

/** What a campaign accepts from donors, as the source plans list it. */
public enum ItemType {
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

    private final String nameVi;
    private final String nameEn;

    ItemType(String nameVi, String nameEn) {
        this.nameVi = nameVi;
        this.nameEn = nameEn;
    }

    public String nameVi() {
        return nameVi;
    }

    public String nameEn() {
        return nameEn;
    }

    public boolean isDevice() {
        return this == LAPTOP || this == DESKTOP_SET || this == TABLET || this == SMARTPHONE;
    }
}
