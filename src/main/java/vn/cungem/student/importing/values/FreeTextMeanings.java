package vn.cungem.student.importing.values;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.student.Connectivity;
import vn.cungem.student.DeviceSituation;
import vn.cungem.student.Needs;
import vn.cungem.student.importing.values.FreeText.Source;

/**
 * What a free-text cell means, in this order: a mapping remembered for the campaign, the registry's own names and
 * codes, then the keyword dictionary ({@link Keywords}). Plain Java; one per run, safe to share between threads.
 */
final class FreeTextMeanings {

    /**
     * Where the connectivity is not in the file or not understood: unknown, which adds no points but, unlike home
     * internet, does not tell allocation the child is connected.
     */
    static final String UNKNOWN_CONNECTIVITY = Connectivity.UNKNOWN.name();

    private final Map<String, String> categoryCodes = new HashMap<>();
    /** The dictionary's code → this campaign's code: a campaign may name its own categories ("HO_NGHEO"). */
    private final Map<String, String> campaignCode = new HashMap<>();

    private final ValueMappings remembered;
    /**
     * Meanings already worked out, by field and text as typed: a file has a few distinct texts over many rows, and a
     * 100,000-row import must not run the dictionary 400,000 times. Bounded, since a file of all-different texts
     * must not fill the heap.
     */
    private final Map<String, FreeText> known = new java.util.concurrent.ConcurrentHashMap<>();

    private static final int KNOWN_MAX = 20_000;

    FreeTextMeanings(List<PriorityCategory> categories, ValueMappings remembered) {
        for (PriorityCategory c : categories) {
            categoryCodes.put(Folded.of(c.code()), c.code());
            categoryCodes.put(Folded.of(c.nameVi()), c.code());
            categoryCodes.put(Folded.of(c.nameEn()), c.code());
            campaignCode.put(c.code(), c.code());
        }
        for (PriorityCategory c : categories) {
            Set<String> named =
                    Keywords.find(Keywords.HOUSEHOLD, Folded.of(c.nameVi())).values();
            if (named.size() == 1) {
                campaignCode.putIfAbsent(named.iterator().next(), c.code());
            }
        }
        this.remembered = remembered;
    }

    /** The meaning of one cell; null when the cell is blank and the registry's own rule for a blank applies. */
    FreeText meaning(ValueField field, String raw) {
        String key = field.ordinal() + (raw == null ? "" : raw);
        FreeText found = known.get(key);
        if (found != null) {
            return found;
        }
        FreeText worked = work(field, raw);
        if (worked != null && known.size() < KNOWN_MAX) {
            known.put(key, worked);
        }
        return worked;
    }

    private FreeText work(ValueField field, String raw) {
        String folded = Folded.of(raw);
        String shown = raw == null ? "" : vn.cungem.shared.text.VietnameseText.tidy(raw);
        if (folded.isEmpty()) {
            return field == ValueField.CONNECTIVITY
                    ? new FreeText(field, "", "", remembered.get(field, "").orElse(UNKNOWN_CONNECTIVITY), Source.BLANK)
                    : null;
        }
        Optional<String> mapped = remembered.get(field, folded);
        if (mapped.isPresent()) {
            return new FreeText(field, shown, folded, mapped.get(), Source.REMEMBERED);
        }
        return switch (field) {
            case CATEGORIES -> categories(shown, folded, raw);
            case DEVICE_SITUATION -> device(shown, folded, raw);
            case CONNECTIVITY -> connectivity(shown, folded, raw);
            case NEEDS -> needs(shown, folded, raw);
        };
    }

    private FreeText categories(String shown, String folded, String raw) {
        Set<String> typed = new LinkedHashSet<>();
        boolean allTyped = true;
        for (String part : raw.split("[,;\\n]")) {
            String code = categoryCodes.get(Folded.of(part));
            if (code != null) {
                typed.add(code);
            } else if (!part.isBlank()) {
                allTyped = false;
            }
        }
        if (allTyped && !typed.isEmpty()) {
            return text(ValueField.CATEGORIES, shown, folded, String.join(",", typed), Source.AS_TYPED);
        }
        if (Keywords.NO_CATEGORY.contains(folded)) {
            return text(ValueField.CATEGORIES, shown, folded, "", Source.DICTIONARY);
        }
        Keywords.Found found = Keywords.find(Keywords.HOUSEHOLD, folded);
        List<String> codes = new ArrayList<>();
        boolean inCampaign = true;
        for (String code : found.values()) {
            if (campaignCode.containsKey(code)) {
                codes.add(campaignCode.get(code));
            } else {
                inCampaign = false;
            }
        }
        boolean sure = found.sure() && inCampaign && !codes.isEmpty();
        return text(
                ValueField.CATEGORIES,
                shown,
                folded,
                String.join(",", codes),
                sure ? Source.DICTIONARY : Source.UNSURE);
    }

    private static FreeText device(String shown, String folded, String raw) {
        if (DeviceSituation.parse(raw).isPresent()) {
            return text(
                    ValueField.DEVICE_SITUATION,
                    shown,
                    folded,
                    DeviceSituation.parse(raw).get().name(),
                    Source.AS_TYPED);
        }
        Set<String> found =
                new LinkedHashSet<>(Keywords.find(Keywords.DEVICE, folded).values());
        // "Không có máy riêng, dùng chung với anh": the situation is the other word, not "none"
        if (found.size() > 1) {
            found.remove(DeviceSituation.NONE.name());
        }
        if (found.size() == 1) {
            return text(
                    ValueField.DEVICE_SITUATION, shown, folded, found.iterator().next(), Source.DICTIONARY);
        }
        String guess = found.isEmpty()
                ? DeviceSituation.SHARED.name()
                : found.iterator().next();
        return text(ValueField.DEVICE_SITUATION, shown, folded, guess, Source.UNSURE);
    }

    private static FreeText connectivity(String shown, String folded, String raw) {
        if (Connectivity.parse(raw).isPresent()) {
            return text(
                    ValueField.CONNECTIVITY,
                    shown,
                    folded,
                    Connectivity.parse(raw).get().name(),
                    Source.AS_TYPED);
        }
        Set<String> found = Keywords.find(Keywords.CONNECTIVITY, folded).values();
        if (found.size() == 1) {
            return text(ValueField.CONNECTIVITY, shown, folded, found.iterator().next(), Source.DICTIONARY);
        }
        String guess = found.isEmpty() ? UNKNOWN_CONNECTIVITY : found.iterator().next();
        return text(ValueField.CONNECTIVITY, shown, folded, guess, Source.UNSURE);
    }

    private static FreeText needs(String shown, String folded, String raw) {
        // The dictionary first, part by part: Needs.parse reads "Ipad và sim 4G" as one part and finds only the SIM.
        Set<String> codes = new LinkedHashSet<>();
        boolean sure = true;
        for (String part : raw.split("[,;+/&\\n]|\\s(?:và|va|kèm|kem|với|voi)\\s")) {
            String p = Folded.of(part);
            if (p.isEmpty()) {
                continue;
            }
            Set<String> found = Keywords.find(Keywords.NEEDS, p).values();
            sure &= !found.isEmpty();
            codes.addAll(found);
        }
        Optional<Needs> typed = Needs.parse(raw);
        if (sure && !codes.isEmpty()) {
            String value = Needs.parse(String.join(",", codes)).orElseThrow().codes();
            Source source =
                    typed.isPresent() && typed.get().codes().equals(value) ? Source.AS_TYPED : Source.DICTIONARY;
            return text(ValueField.NEEDS, shown, folded, value, source);
        }
        if (typed.isPresent()) {
            return text(ValueField.NEEDS, shown, folded, typed.get().codes(), Source.AS_TYPED);
        }
        String guess = codes.isEmpty()
                ? Needs.DEVICE_ONLY.codes()
                : Needs.parse(String.join(",", codes)).orElseThrow().codes();
        return text(ValueField.NEEDS, shown, folded, guess, Source.UNSURE);
    }

    private static FreeText text(ValueField field, String shown, String folded, String value, Source source) {
        return new FreeText(field, shown, folded, value, source);
    }
}
