package vn.cungem.shared.jdbc;

/**
 * One record of CSV as PostgreSQL's {@code COPY ... FROM STDIN WITH (FORMAT csv)} reads it: null is an unquoted empty
 * field, every text is quoted (so an empty text stays an empty text, and {@code \N} or {@code NULL} stay words),
 * booleans are {@code t}/{@code f}. Shared by the modules that bulk-load with {@code COPY}.
 */
public final class CopyCsv {

    private final StringBuilder out;
    private boolean first = true;

    /** Starts a record at the end of {@code out}; call {@link #end()} when its fields are written. */
    public CopyCsv(StringBuilder out) {
        this.out = out;
    }

    public CopyCsv value(Number number) {
        separator();
        if (number instanceof Integer || number instanceof Long || number instanceof Short) {
            out.append(number.longValue()); // without a String for each number of 100,000 rows
        } else if (number != null) {
            out.append(number);
        }
        return this;
    }

    public CopyCsv bool(boolean value) {
        separator();
        out.append(value ? 't' : 'f');
        return this;
    }

    public CopyCsv text(String text) {
        separator();
        if (text != null) {
            out.append('"');
            // copied in runs between quotes rather than a character at a time: most texts have none
            int from = 0;
            for (int quote = text.indexOf('"'); quote >= 0; quote = text.indexOf('"', from)) {
                out.append(text, from, quote + 1).append('"');
                from = quote + 1;
            }
            out.append(text, from, text.length()).append('"');
        }
        return this;
    }

    public void end() {
        out.append('\n');
    }

    private void separator() {
        if (!first) {
            out.append(',');
        }
        first = false;
    }
}
