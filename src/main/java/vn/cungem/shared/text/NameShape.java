package vn.cungem.shared.text;

import java.util.regex.Pattern;

/**
 * Whether typed text is shaped like a name, for text that ends up in front of someone other than the person who typed
 * it (a greeting in an email, a name on a public page). A sign-up form that mails whatever was typed as the name is
 * a way to send anyone a message (… trúng thưởng 50 triệu, nhận tại https://…) from our server.
 */
public final class NameShape {

    /** A person's name: 1 to 100 characters once tidied. */
    public static final int MAX_PERSON_NAME = 100;

    // Words of letters (Vietnamese included, precomposed or with combining marks) joined by spaces, dots, apostrophes
    // or hyphens: "Nguyễn Thị Minh Khai", "H'Hen Niê", "Ksor Y-Bih", "J. R. R. Tolkien". No digits, no @, no : or /.
    private static final Pattern PERSON_NAME =
            Pattern.compile("[\\p{L}\\p{M}]+(?:(?:[ '’-]|\\. ?)[\\p{L}\\p{M}]+)*\\.?");

    // A link or an address in any other text: a scheme, www., an @, or a word ending in a common domain suffix.
    private static final Pattern LINK = Pattern.compile(
            "(?iu)://|www\\.|@|\\b[\\p{L}\\d-]+\\.(?:com|net|org|info|biz|vn|xyz|top|io|me|ly|co|site|online|link"
                    + "|click|shop|app|dev|gl)\\b");

    private NameShape() {}

    /** True when the text, tidied, is a person's name and nothing else. */
    public static boolean isPersonName(String text) {
        String name = VietnameseText.tidy(text);
        return name != null
                && !name.isEmpty()
                && name.length() <= MAX_PERSON_NAME
                && PERSON_NAME.matcher(name).matches()
                // letters and dots alone can spell www.example.vn
                && !containsLink(name);
    }

    /** True when the text carries a link, a web address or an email address. */
    public static boolean containsLink(String text) {
        return text != null && LINK.matcher(text).find();
    }
}
