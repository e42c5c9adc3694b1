package vn.cungem.shared;

/** The change cannot be made in the record's current state (already retired, edited by someone else meanwhile …). */
public class ConflictException extends InvalidValueException {

    public ConflictException(String code, String messageVi, String messageEn) {
        super(code, messageVi, messageEn);
    }
}
