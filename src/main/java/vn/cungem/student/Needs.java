package vn.cungem.student;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the student needs: a device, and whether a SIM, a data package or a Wi-Fi device too (001: data packages and
 * connection devices matched to the devices given).
 */
public record Needs(boolean device, boolean sim, boolean data, boolean wifi) {

    public static final Needs DEVICE_ONLY = new Needs(true, false, false, false);

    public boolean any() {
        return device || sim || data || wifi;
    }

    /** Codes as a spreadsheet cell or API field writes them: {@code DEVICE,SIM,DATA,WIFI}. */
    public String codes() {
        List<String> codes = new ArrayList<>();
        if (device) codes.add("DEVICE");
        if (sim) codes.add("SIM");
        if (data) codes.add("DATA");
        if (wifi) codes.add("WIFI");
        return String.join(",", codes);
    }

    public String labelsVi() {
        List<String> labels = new ArrayList<>();
        if (device) labels.add("thiết bị");
        if (sim) labels.add("SIM");
        if (data) labels.add("gói cước");
        if (wifi) labels.add("thiết bị Wi-Fi");
        return String.join(", ", labels);
    }

    public String labelsEn() {
        List<String> labels = new ArrayList<>();
        if (device) labels.add("device");
        if (sim) labels.add("SIM");
        if (data) labels.add("data package");
        if (wifi) labels.add("Wi-Fi device");
        return String.join(", ", labels);
    }

    /**
     * Reads one cell listing the needs ({@code "Máy tính, SIM 4G, gói cước"}, {@code "DEVICE;DATA"}); blank means a
     * device only, the common case. Empty when a part is not recognised.
     */
    public static Optional<Needs> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(DEVICE_ONLY);
        }
        boolean device = false, sim = false, data = false, wifi = false;
        for (String part : raw.split("[,;+/\\n]")) {
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
