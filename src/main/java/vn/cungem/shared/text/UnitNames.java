package vn.cungem.shared.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ways people write the name of a commune-level unit. The official register (and so the unit tree) says
 * "Phường Linh Xuân"; people write "Linh Xuân", or "Xã" where the register says "Phường" after a reorganisation. A name
 * is matched through its folded forms with and without the prefix; the caller accepts the match only when it is unique.
 */
public final class UnitNames {

    /** Folded prefixes of commune-level units (Luật Tổ chức chính quyền địa phương 2025: xã, phường, đặc khu). */
    private static final List<String> COMMUNE_PREFIXES = List.of("phuong ", "xa ", "thi tran ", "dac khu ");

    private UnitNames() {}

    /** The folded name without its commune-level prefix: "Phường Linh Xuân" → "linh xuan". */
    public static String bareCommuneName(String name) {
        String folded = VietnameseText.fold(name);
        for (String prefix : COMMUNE_PREFIXES) {
            if (folded.startsWith(prefix) && folded.length() > prefix.length()) {
                return folded.substring(prefix.length()).strip();
            }
        }
        return folded;
    }

    /**
     * Folded names a commune-level unit could be stored under when a person types {@code name}: the bare name and the
     * bare name behind every prefix. Empty for a blank name.
     */
    public static List<String> communeNameVariants(String name) {
        String bare = bareCommuneName(name);
        if (bare.isEmpty()) {
            return List.of();
        }
        Set<String> variants = new LinkedHashSet<>();
        variants.add(bare);
        for (String prefix : COMMUNE_PREFIXES) {
            variants.add(prefix + bare);
        }
        return List.copyOf(variants);
    }
}
