package vn.cungem.student.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;

/**
 * A registered student that the keys of one row of a file match: {@code EXACT} (same personal ID or MOET student
 * code), {@code SCHOOL} (same folded name and birth date at the same school) or {@code PHONE} (same name and birth
 * date, same guardian phone, another school). What the import then does with it is {@link RegistryMatching}'
 * rule.
 */
record KeyMatch(
        int row, long studentId, long campaignId, long schoolId, String status, String schoolName, String kind) {

    /** Reads the columns the writers' match queries select, in this order. */
    static KeyMatch read(ResultSet rs, int n) throws SQLException {
        return new KeyMatch(
                rs.getInt(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7));
    }

    /**
     * What the matches of one row were decided on (each student's id, kind of match, campaign, school and status), the
     * same whatever order they came in: the preview keeps it with the staged row, and the commit compares it with the
     * registry's matches then ({@link StagedRows#unchanged}). Null when nothing matched.
     */
    static String key(Collection<KeyMatch> matches) {
        if (matches.isEmpty()) {
            return null;
        }
        TreeSet<String> each = new TreeSet<>();
        for (KeyMatch m : matches) {
            each.add(m.studentId() + ":" + m.kind() + ":" + m.campaignId() + ":" + m.schoolId() + ":" + m.status());
        }
        String key = String.join(",", each);
        // a row like hundreds of registered students (a common name and birth date): its digest, to fit the column
        return key.length() <= 4000 ? key : "sha256:" + CheckDigest.of(key);
    }
}
