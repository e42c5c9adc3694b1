package vn.cungem.student;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.shared.text.Bundles;

/**
 * How urgently a student should be served, with the reasons in words so a school officer and a parent can check it
 * (003: "most difficult first"): the weights of the campaign's priority categories the student belongs to, plus points
 * for having no, a broken or only a shared device (when a device is needed) and for having no or only mobile internet.
 */
public record PriorityScore(int score, List<Line> lines) {

    /** One reason and the points it adds. */
    public record Line(String labelVi, String labelEn, int points) {}

    public PriorityScore {
        lines = List.copyOf(lines);
    }

    public static PriorityScore of(
            Collection<String> categories,
            List<PriorityCategory> weights,
            Needs needs,
            DeviceSituation deviceSituation,
            Connectivity connectivity) {
        List<Line> lines = new ArrayList<>();
        // in the campaign's order, so the heaviest reasons (listed first by the managers) read first
        for (PriorityCategory category : weights) {
            if (categories.contains(category.code())) {
                lines.add(new Line(lowerFirst(category.nameVi()), lowerFirst(category.nameEn()), category.weight()));
            }
        }
        if (needs.device() && deviceSituation != null) {
            lines.add(new Line(
                    lowerFirst(deviceSituation.labelVi()),
                    lowerFirst(deviceSituation.labelEn()),
                    deviceSituation.points()));
        }
        if (connectivity != null && connectivity.points() > 0) {
            lines.add(new Line(
                    lowerFirst(connectivity.labelVi()), lowerFirst(connectivity.labelEn()), connectivity.points()));
        }
        int score = lines.stream().mapToInt(Line::points).sum();
        return new PriorityScore(score, lines);
    }

    /** {@code mồ côi cả cha và mẹ do dịch Covid-19: +100; hộ nghèo: +40; chưa có thiết bị: +20}. */
    public String explanationVi() {
        return lines.isEmpty()
                ? Bundles.vi("student.priority.none")
                : lines.stream().map(l -> l.labelVi() + ": +" + l.points()).collect(Collectors.joining("; "));
    }

    public String explanationEn() {
        return lines.isEmpty()
                ? Bundles.en("student.priority.none")
                : lines.stream().map(l -> l.labelEn() + ": +" + l.points()).collect(Collectors.joining("; "));
    }

    private static String lowerFirst(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // keep acronyms such as "SIM" or "COVID" as they are
        if (text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
            return text;
        }
        return text.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + text.substring(1);
    }
}
