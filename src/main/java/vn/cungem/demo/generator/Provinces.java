package vn.cungem.demo.generator;

import java.util.List;

/** The 34 provinces and centrally-run cities of Vietnam since the 2025 reform (Resolution 202/2025/QH15), with codes. */
public final class Provinces {

    /** Ordered so that the smaller scales start with the cities of the source programmes. */
    public static final List<Province> ALL = List.of(
            new Province("79", "Thành phố Hồ Chí Minh", 168),
            new Province("01", "Thành phố Hà Nội", 126),
            new Province("92", "Thành phố Cần Thơ", 103),
            new Province("91", "Tỉnh An Giang", 102),
            new Province("04", "Tỉnh Cao Bằng", 56),
            new Province("08", "Tỉnh Tuyên Quang", 124),
            new Province("11", "Tỉnh Điện Biên", 45),
            new Province("12", "Tỉnh Lai Châu", 38),
            new Province("14", "Tỉnh Sơn La", 75),
            new Province("15", "Tỉnh Lào Cai", 99),
            new Province("19", "Tỉnh Thái Nguyên", 92),
            new Province("20", "Tỉnh Lạng Sơn", 65),
            new Province("22", "Tỉnh Quảng Ninh", 54),
            new Province("24", "Tỉnh Bắc Ninh", 99),
            new Province("25", "Tỉnh Phú Thọ", 148),
            new Province("31", "Thành phố Hải Phòng", 114),
            new Province("33", "Tỉnh Hưng Yên", 104),
            new Province("37", "Tỉnh Ninh Bình", 129),
            new Province("38", "Tỉnh Thanh Hóa", 166),
            new Province("40", "Tỉnh Nghệ An", 130),
            new Province("42", "Tỉnh Hà Tĩnh", 69),
            new Province("44", "Tỉnh Quảng Trị", 78),
            new Province("46", "Thành phố Huế", 40),
            new Province("48", "Thành phố Đà Nẵng", 94),
            new Province("51", "Tỉnh Quảng Ngãi", 96),
            new Province("52", "Tỉnh Gia Lai", 135),
            new Province("56", "Tỉnh Khánh Hòa", 65),
            new Province("66", "Tỉnh Đắk Lắk", 102),
            new Province("68", "Tỉnh Lâm Đồng", 124),
            new Province("75", "Tỉnh Đồng Nai", 95),
            new Province("80", "Tỉnh Tây Ninh", 96),
            new Province("82", "Tỉnh Đồng Tháp", 102),
            new Province("86", "Tỉnh Vĩnh Long", 124),
            new Province("96", "Tỉnh Cà Mau", 64));

    private Provinces() {}
}
