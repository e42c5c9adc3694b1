package vn.cungem.shared.spreadsheet;

import vn.cungem.shared.text.Bundles;

/**
 * All spreadsheet-reading slots stayed taken for the whole short wait: the request is refused with 503 and a
 * Retry-After, nothing was read or written, and the person is asked to try again in a few minutes.
 */
public class SpreadsheetBusyException extends RuntimeException {

    public static final String MESSAGE_VI = Bundles.vi("spreadsheet.busy");
    public static final String MESSAGE_EN = Bundles.en("spreadsheet.busy");
    /** Seconds suggested in the Retry-After header. */
    public static final int RETRY_AFTER_SECONDS = 60;

    public SpreadsheetBusyException() {
        super(MESSAGE_EN);
    }

    public String message(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? MESSAGE_EN : MESSAGE_VI;
    }
}
