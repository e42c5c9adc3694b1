package vn.cungem.student.importing;

import java.sql.ResultSet;
import java.sql.SQLException;

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
}
