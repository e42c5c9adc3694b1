package vn.cungem.donation.cash;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.cungem.donation.cash.StatementColumns.Column;
import vn.cungem.donation.cash.StatementColumnsToConfirm.Proposal;
import vn.cungem.donation.cash.StatementColumnsToConfirm.ProposedColumn;
import vn.cungem.shared.InvalidValueException;

/**
 * The columns of one statement layout as a person confirmed them: which column holds which field, the others ignored.
 * Kept per campaign and bank account with the layout's signature, so next month's statement of the same account, with
 * the same header, is read without asking.
 *
 * @param fields the column index of each field confirmed
 */
record StatementMapping(Map<Column, Integer> fields) {

    /** The word for a column the person chose to ignore. */
    static final String IGNORE = "IGNORE";

    StatementMapping {
        fields = Map.copyOf(fields);
    }

    /** Stored as "FIELD=index;…". */
    String text() {
        return fields.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(e -> e.getKey().name() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    static StatementMapping parse(String text) {
        Map<Column, Integer> fields = new EnumMap<>(Column.class);
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(Column.valueOf(part.substring(0, eq)), Integer.parseInt(part.substring(eq + 1)));
            }
        }
        return new StatementMapping(fields);
    }

    /**
     * The person's choices (column index to field name, or {@link #IGNORE}) for the proposal's columns; a column not
     * named keeps the field proposed. Refuses an unknown field or column, a field chosen twice, and a mapping that
     * cannot read a transaction.
     */
    static StatementMapping confirmed(Proposal proposal, Map<Integer, String> choices) {
        Set<Integer> known = new HashSet<>();
        Map<Integer, String> chosen = new java.util.TreeMap<>();
        for (ProposedColumn c : proposal.columns()) {
            known.add(c.index());
            if (c.field() != null) {
                chosen.put(c.index(), c.field());
            }
        }
        for (var choice : choices.entrySet()) {
            if (!known.contains(choice.getKey())) {
                throw InvalidValueException.of(
                        "statement.columns.unknown-column", "banks.confirm.unknown-column", choice.getKey());
            }
            String field = choice.getValue() == null
                    ? IGNORE
                    : choice.getValue().strip().toUpperCase(java.util.Locale.ROOT);
            if (field.isEmpty() || field.equals(IGNORE)) {
                chosen.remove(choice.getKey());
            } else {
                chosen.put(choice.getKey(), field);
            }
        }
        Map<Column, Integer> fields = new EnumMap<>(Column.class);
        for (var e : chosen.entrySet()) {
            Column column = column(e.getValue());
            if (fields.put(column, e.getKey()) != null) {
                throw InvalidValueException.of("statement.columns.twice", "banks.confirm.twice", column.name());
            }
        }
        if (!StatementColumns.complete(fields)) {
            throw InvalidValueException.of("statement.columns.incomplete", "banks.confirm.incomplete");
        }
        return new StatementMapping(fields);
    }

    private static Column column(String name) {
        try {
            return Column.valueOf(name);
        } catch (IllegalArgumentException e) {
            String all = Arrays.stream(Column.values()).map(Enum::name).collect(Collectors.joining(", "));
            throw InvalidValueException.of(
                    "statement.columns.unknown-field", "banks.confirm.unknown-field", name, all + ", " + IGNORE);
        }
    }
}
