package vn.cungem.donation.vietqr;

import java.util.Arrays;
import java.util.Optional;
import vn.cungem.shared.text.Labelled;

/** Major Vietnamese banks with their NAPAS BINs (mã BIN), the id VietQR uses for the receiving bank. */
public enum VietnameseBank implements Labelled {
    // BINs and brands are data, not wording: a bank goes by its brand in every language.
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
    private final Label label;

    VietnameseBank(String bin, String brand) {
        this.bin = bin;
        this.label = Label.same(brand);
    }

    public String bin() {
        return bin;
    }

    @Override
    public Label label() {
        return label;
    }

    /** A bank goes by its brand in both languages. */
    public String displayName() {
        return nameVi();
    }

    public static Optional<VietnameseBank> byBin(String bin) {
        return Arrays.stream(values()).filter(b -> b.bin.equals(bin)).findFirst();
    }
}
