package vn.cungem.inventory.connectivity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.VietnameseText;

/**
 * One SIM, package or Wi-Fi device read and checked, before it is written: from a form, the API or a row of a file.
 * {@link #read} gathers every problem of the row, not just the first, so a person fixes a file in one go.
 */
record Draft(
        ConnectionKind kind,
        Operator operator,
        String phoneNumber,
        boolean phoneRepaired,
        String serial,
        ConnectionStatus status,
        String problemReason,
        LocalDate activatedOn,
        LocalDate expiresOn,
        String packageName,
        BigDecimal allowanceGb,
        String note) {

    /** The values as typed (all text, as a file holds them); kind and operator may come from the form's defaults. */
    record Typed(
            ConnectionKind kind,
            String operator,
            String phoneNumber,
            String serial,
            String packageName,
            String allowance,
            String activatedOn,
            String expiresOn,
            String status,
            String problemReason,
            String note) {}

    /** The row's draft, or every problem in it. */
    record Read(Draft draft, List<InvalidValueException> problems) {}

    static Read read(Typed t, Operator defaultOperator) {
        List<InvalidValueException> problems = new ArrayList<>();
        ConnectionKind kind = t.kind() == null ? ConnectionKind.SIM : t.kind();
        ConnectionValues.Phone phone =
                attempt(problems, () -> ConnectionValues.phone(t.phoneNumber()).orElse(null));
        String serial = attempt(
                problems, () -> ConnectionValues.serial(t.serial(), kind).orElse(null));
        BigDecimal allowance = attempt(
                problems, () -> ConnectionValues.allowance(t.allowance()).orElse(null));
        LocalDate activated =
                attempt(problems, () -> ConnectionValues.date(t.activatedOn()).orElse(null));
        LocalDate expires =
                attempt(problems, () -> ConnectionValues.date(t.expiresOn()).orElse(null));
        ConnectionStatus status =
                attempt(problems, () -> ConnectionValues.status(t.status()).orElse(null));
        Operator operator = null;
        if (t.operator() != null && !t.operator().isBlank()) {
            operator = Operator.recognise(t.operator()).orElse(null);
            if (operator == null) {
                problems.add(InvalidValueException.of(
                        "connectivity.operator.invalid",
                        "connectivity.error.operator",
                        t.operator().strip()));
            }
        } else if (defaultOperator != null) {
            operator = defaultOperator;
        } else if (phone != null) {
            operator = Operator.ofNumber(phone.national()).orElse(null);
        }
        if (operator == null && problems.isEmpty()) {
            problems.add(
                    InvalidValueException.of("connectivity.operator.missing", "connectivity.error.operator-missing"));
        }
        if (phone == null && serial == null && problems.isEmpty()) {
            problems.add(InvalidValueException.of(
                    "connectivity.identity.missing",
                    kind == ConnectionKind.WIFI_DEVICE
                            ? "connectivity.error.serial-missing"
                            : "connectivity.error.number-missing"));
        }
        if (activated != null && expires != null && expires.isBefore(activated)) {
            problems.add(InvalidValueException.of("connectivity.dates.order", "connectivity.error.dates-order"));
        }
        String reason = text(t.problemReason(), 300);
        if (status == null) {
            status = activated != null ? ConnectionStatus.ACTIVATED : ConnectionStatus.NOT_ACTIVATED;
        }
        if (status == ConnectionStatus.PROBLEM && reason == null) {
            problems.add(InvalidValueException.of("connectivity.reason.missing", "connectivity.error.reason-missing"));
        }
        String packageName = text(t.packageName(), 100);
        String note = text(t.note(), 300);
        if (!problems.isEmpty()) {
            return new Read(null, List.copyOf(problems));
        }
        return new Read(
                new Draft(
                        kind,
                        operator,
                        phone == null ? null : phone.national(),
                        phone != null && phone.repaired(),
                        serial,
                        status,
                        status == ConnectionStatus.PROBLEM ? reason : null,
                        activated,
                        expires,
                        packageName,
                        allowance,
                        note),
                List.of());
    }

    /** Tidied text cut to what the column holds: a note longer than that is the operator's, kept in part. */
    static String text(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = VietnameseText.tidy(raw);
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static <T> T attempt(List<InvalidValueException> problems, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidValueException e) {
            problems.add(e);
            return null;
        }
    }
}
