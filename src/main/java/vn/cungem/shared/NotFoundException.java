package vn.cungem.shared;

/**
 * The record does not exist, or exists outside the caller's scope. Both answer the same 404, so guessing ids reveals
 * nothing about other units' data.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
