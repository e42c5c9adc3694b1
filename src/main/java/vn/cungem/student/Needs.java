package vn.cungem.student;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.cungem.shared.text.Bundles;

/**
 * What the student needs: a device, and whether a SIM, a data package or a Wi-Fi device too (001: data packages and
 * connection devices matched to the devices given).
 */
public record Needs(boolean device, boolean sim, boolean data, boolean wifi) {

    private static final String SHORT = "student.needs.short.";

    private static final Pattern PARTS = Pattern.compile("[,;+/\\n]");

    public static final Needs DEVICE_ONLY = new Needs(true, false, false, false);

    public boolean any() {
        return device || sim || data || wifi;
    }

    /** Codes as a spreadsheet cell or API field writes them: {@code DEVICE,SIM,DATA,WIFI}. */
    public String codes() {
        return String.join(",", parts());
    }

    /** The needs in a sentence, lower case ({@code thiết bị, SIM}): the bundle's {@code student.needs.short.<CODE>}. */
    public String labelsVi() {
        return parts().stream().map(code -> Bundles.vi(SHORT + code)).collect(Collectors.joining(", "));
    }

    public String labelsEn() {
        return parts().stream().map(code -> Bundles.en(SHORT + code)).collect(Collectors.joining(", "));
    }

    private List<String> parts() {
        List<String> codes = new ArrayList<>();
        if (device) codes.add("DEVICE");
        if (sim) codes.add("SIM");
        if (data) codes.add("DATA");
        if (wifi) codes.add("WIFI");
        return codes;
    }

    /**
     * Reads one cell listing the needs ({@code "Máy tính, SIM 4G, gói cước"}, {@code "DEVICE;DATA"}); blank means a
     * device only, the common case. Empty when a part is not recognised. The words below are vocabulary for reading
     * what people typed, not text shown to anyone.
     */
    public static Optional<Needs> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(DEVICE_ONLY);
        }
        boolean device = false, sim = false, data = false, wifi = false;
        for (String part : PARTS.split(raw)) {
            String folded = Labels.fold(part);
            if (folded.isEmpty()) {
                continue;
            }
            if (folded.contains("wifi")
                    || folded.contains("wi fi")
                    || folded.contains("usb")
                    || folded.contains("phat song")) {
                wifi = true;
            } else if (folded.contains("sim")) {
                sim = true;
            } else if (folded.equals("data")
                    || folded.contains("du lieu")
                    || folded.contains("goi cuoc")
                    || folded.contains("dung luong")) {
                data = true;
            } else if (folded.equals("device")
                    || folded.contains("thiet bi")
                    || folded.contains("may")
                    || folded.contains("dien thoai")
                    || folded.equals("laptop")
                    || folded.equals("tablet")) {
                device = true;
            } else {
                return Optional.empty();
            }
        }
        Needs needs = new Needs(device, sim, data, wifi);
        return needs.any() ? Optional.of(needs) : Optional.of(DEVICE_ONLY);
    }
}
