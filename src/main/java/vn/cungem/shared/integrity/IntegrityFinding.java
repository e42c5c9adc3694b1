package vn.cungem.shared.integrity;

import java.util.List;

/**
 * One problem a check found, as a message key of the module's bundle and its arguments (codes, amounts, ids: never a
 * student's personal data), so the page shows it in the reader's language.
 */
public record IntegrityFinding(String messageKey, List<String> arguments) {

    public IntegrityFinding {
        arguments = List.copyOf(arguments);
    }

    public static IntegrityFinding of(String messageKey, Object... arguments) {
        return new IntegrityFinding(
                messageKey,
                java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }
}
