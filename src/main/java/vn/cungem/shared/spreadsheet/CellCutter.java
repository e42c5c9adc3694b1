package vn.cungem.shared.spreadsheet;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Drops the characters of a CSV cell beyond {@code keep}, before the CSV parser sees them: the parser builds each cell
 * whole, and a cell of tens of megabytes (a whole book pasted into one) must not be held to be flagged. Follows quoting
 * the way the parser does (a quote opens a cell only as its first character; two quotes inside are one), and never
 * drops a quote, separator or line end, so the parser finds the same cells and rows, only shorter ones.
 */
final class CellCutter extends FilterReader {

    private enum State {
        CELL_START,
        UNQUOTED,
        QUOTED,
        QUOTE_IN_QUOTED
    }

    private final char delimiter;
    private final int keep;
    private State state = State.CELL_START;
    private int length;

    CellCutter(Reader in, char delimiter, int keep) {
        super(in);
        this.delimiter = delimiter;
        this.keep = keep;
    }

    @Override
    public int read() throws IOException {
        while (true) {
            int c = in.read();
            if (c < 0 || keeps((char) c)) {
                return c;
            }
        }
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
        while (true) {
            int n = in.read(buffer, offset, count);
            if (n <= 0) {
                return n;
            }
            int kept = offset;
            for (int i = offset; i < offset + n; i++) {
                char c = buffer[i];
                if (keeps(c)) {
                    buffer[kept++] = c;
                }
            }
            if (kept > offset) {
                return kept - offset;
            }
        }
    }

    private boolean keeps(char c) {
        if (state == State.QUOTE_IN_QUOTED) {
            if (c == '"') {
                // Two quotes inside a quoted cell are one quote of its text.
                state = State.QUOTED;
                return true;
            }
            state = State.UNQUOTED;
            if (!ends(c)) {
                // Text after the closing quote is kept, so that dropping it cannot bring a later quote next to the
                // closing one (which would make the two one quote of text).
                length++;
                return true;
            }
        }
        if (state == State.QUOTED) {
            if (c == '"') {
                state = State.QUOTE_IN_QUOTED;
                return true;
            }
            return ++length <= keep;
        }
        if (ends(c)) {
            state = State.CELL_START;
            length = 0;
            return true;
        }
        if (c == '"') {
            state = state == State.CELL_START ? State.QUOTED : State.UNQUOTED;
            return true;
        }
        state = State.UNQUOTED;
        return ++length <= keep;
    }

    private boolean ends(char c) {
        return c == delimiter || c == '\n' || c == '\r';
    }
}
