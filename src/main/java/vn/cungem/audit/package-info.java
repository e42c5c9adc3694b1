/**
 * Audit: an append-only log of every change to domain data. Every module publishes a
 * {@link vn.cungem.shared.audit.DomainChange} inside the transaction that makes the change; this module writes it in
 * the same transaction, and lets managers read the entries of their own subtree as a searchable log and as the history
 * of one record with a field-by-field diff. No statement here updates or deletes an entry.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit (nhật ký thay đổi)",
        allowedDependencies = {"organisation", "shared"})
package vn.cungem.audit;
