package vn.cungem.donation.vietqr;

import java.util.Arrays;
import java.util.Optional;

/** Major Vietnamese banks with their NAPAS BINs (mã BIN), the id VietQR uses for the receiving bank. */
public enum VietnameseBank {
    VIETCOMBANK("970436", "Vietcombank"),
    VIETINBANK("970415", "VietinBank"),
    BIDV("970418", "BIDV"),
    AGRIBANK("970405", "Agribank"),
    TECHCOMBANK("970407", "Techcombank"),
    MB("970422", "MB Bank"),
    ACB("970416", "ACB"),
    VPBANK("970432", "VPBank"),
    SACOMBANK("970403", "Sacombank"),
    TPBANK("970423", "TPBank"),
    VIB("970441", "VIB"),
    SHB("970443", "SHB"),
    HDBANK("970437", "HDBank"),
    LPBANK("970449", "LPBank");

    private final String bin;
    private final String displayName;

    VietnameseBank(String bin, String displayName) {
        this.bin = bin;
        this.displayName = displayName;
    }

    public String bin() {
        return bin;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<VietnameseBank> byBin(String bin) {
        return Arrays.stream(values()).filter(b -> b.bin.equals(bin)).findFirst();
    }
}
