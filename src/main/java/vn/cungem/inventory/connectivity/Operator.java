package vn.cungem.inventory.connectivity;

import java.util.List;
import java.util.Optional;
import vn.cungem.shared.text.Labelled;
import vn.cungem.shared.text.VietnameseText;

/**
 * The mobile operators of Vietnam. Each knows the words its name is written with in files (folded, so "Vina Phone",
 * "VNPT" and "vinaphone" are one) and the prefixes of the numbers it was given, which only suggest the operator when a
 * file says nothing: a subscriber may have kept the number when moving to another operator.
 */
public enum Operator implements Labelled {
    VIETTEL(
            List.of("viettel", "vtt"),
            List.of("086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039")),
    VINAPHONE(List.of("vinaphone", "vina", "vnpt"), List.of("088", "091", "094", "081", "082", "083", "084", "085")),
    MOBIFONE(List.of("mobifone", "mobi", "mbf"), List.of("089", "090", "093", "070", "076", "077", "078", "079")),
    VIETNAMOBILE(List.of("vietnamobile", "vnmobile", "vnm"), List.of("092", "056", "058")),
    GMOBILE(List.of("gmobile", "beeline"), List.of("099", "059")),
    ITEL(List.of("itel", "itelecom"), List.of("087")),
    REDDI(List.of("reddi", "local"), List.of("055")),
    WINTEL(List.of("wintel"), List.of()),
    OTHER(List.of(), List.of());

    private final List<String> words;
    private final List<String> prefixes;

    Operator(List<String> words, List<String> prefixes) {
        this.words = words;
        this.prefixes = prefixes;
    }

    /** The operator a cell names ("Viettel", "VNPT - Vinaphone", "MobiFone"), or the constant's name; empty if none. */
    public static Optional<Operator> recognise(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = VietnameseText.fold(text).replaceAll("[^a-z0-9]", "");
        for (Operator o : values()) {
            if (o.name().toLowerCase(java.util.Locale.ROOT).replace("_", "").equals(folded)) {
                return Optional.of(o);
            }
        }
        for (Operator o : values()) {
            for (String w : o.words) {
                if (folded.startsWith(w) || (w.length() >= 4 && folded.contains(w))) {
                    return Optional.of(o);
                }
            }
        }
        return Optional.empty();
    }

    /** The operator that was given a mobile number's prefix ({@code 0912345678} → Vinaphone). */
    public static Optional<Operator> ofNumber(String national) {
        if (national == null || national.length() < 3) {
            return Optional.empty();
        }
        String prefix = national.substring(0, 3);
        for (Operator o : values()) {
            if (o.prefixes.contains(prefix)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
