package vn.cungem.shared.security;

/**
 * Implemented by the principal of every authenticated request (the identity module's account details), so modules can
 * ask who is calling without depending on identity.
 */
public interface CallerSource {

    Caller caller();
}
