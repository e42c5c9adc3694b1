package vn.cungem.student.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * What checking said about one row of the file: its outcome, the reasons in Vietnamese and English, and when it may
 * be written the student row and its match keys. {@code studentId} is set after matching when the row updates a
 * student already registered in the campaign; {@code skip} when the matched student may no longer be changed by file.
 */
final class CheckedRow {

    enum Outcome {
        OK,
        WARNING,
        ERROR
    }

    final int number;
    final String name;
    final List<String> reasonsVi = new ArrayList<>(2);
    final List<String> reasonsEn = new ArrayList<>(2);
    Outcome outcome = Outcome.OK;
    StudentRow row;
    StudentBulkWriter.Key key;
    Long studentId;
    boolean skip;
    boolean likelyDuplicate;
    /** The registered students the row's keys matched ({@link KeyMatch#key}); null when none. */
    String matchKey;

    CheckedRow(int number, String name) {
        this.number = number;
        this.name = name;
    }

    void error(String vi, String en) {
        outcome = Outcome.ERROR;
        reasonsVi.add(vi);
        reasonsEn.add(en);
        row = null;
    }

    void warning(String vi, String en) {
        if (outcome == Outcome.OK) {
            outcome = Outcome.WARNING;
        }
        reasonsVi.add(vi);
        reasonsEn.add(en);
    }

    /** Whether the commit writes this row (insert, or update when {@link #studentId} is set). */
    boolean writable() {
        return outcome != Outcome.ERROR && row != null && !skip;
    }

    String reasonsVi() {
        return sentences(reasonsVi);
    }

    String reasonsEn() {
        return sentences(reasonsEn);
    }

    /** "Ngày sinh … không đọc được; số điện thoại không hợp lệ." rather than ".;" between full sentences. */
    static String sentences(List<String> reasons) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < reasons.size(); i++) {
            String reason = reasons.get(i);
            boolean last = i == reasons.size() - 1;
            out.append(!last && reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason);
            if (!last) {
                out.append("; ");
            }
        }
        return out.toString();
    }
}
