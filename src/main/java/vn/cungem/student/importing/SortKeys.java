package vn.cungem.student.importing;

import java.text.Collator;
import vn.cungem.shared.text.VietnameseText;

/**
 * {@link VietnameseText#sortKey} with one collator per thread: the shared one is synchronized, which made the import's
 * parallel row checks queue behind each other. Same output, checked by {@code SortKeysTests}.
 */
final class SortKeys {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
        Collator collator = Collator.getInstance(VietnameseText.VIETNAMESE);
        collator.setStrength(Collator.SECONDARY);
        return collator;
    });

    private SortKeys() {}

    static String of(String text) {
        if (text == null) {
            return null;
        }
        byte[] bytes = COLLATOR.get().getCollationKey(VietnameseText.tidy(text)).toByteArray();
        int length = Math.min(bytes.length * 2, VietnameseText.SORT_KEY_MAX_LENGTH);
        char[] hex = new char[length];
        for (int i = 0; i < length; i++) {
            int b = bytes[i / 2] & 0xff;
            hex[i] = HEX[i % 2 == 0 ? b >>> 4 : b & 0x0f];
        }
        return new String(hex);
    }
}
