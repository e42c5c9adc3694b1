package vn.cungem.student.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.Connectivity;
import vn.cungem.student.DeviceSituation;
import vn.cungem.student.Gender;
import vn.cungem.student.Needs;
import vn.cungem.student.StudentDetails;
import vn.cungem.student.StudentStatus;

/**
 * A student's row: reading one back, registering, correcting, moving its status (with the history line) and merging.
 * Schools and unit names come from organisation's published views ({@code org_school}, {@code org_unit}).
 */
@Repository
public class StudentRepository {

    private final JdbcClient jdbc;
    private final StudentTallies tallies;

    StudentRepository(JdbcClient jdbc, StudentTallies tallies) {
        this.jdbc = jdbc;
        this.tallies = tallies;
    }

    /** A stored student with everything the façade needs to decide scope and build a view. */
    public record Stored(
            long id,
            long campaignId,
            long schoolId,
            String schoolName,
            long unitId,
            String unitName,
            String fullName,
            LocalDate birthDate,
            Gender gender,
            String personalIdCipher,
            String moetCode,
            int grade,
            String className,
            Long homeUnitId,
            String homeUnitName,
            String address,
            String guardianName,
            String guardianPhone,
            String categories,
            DeviceSituation deviceSituation,
            Connectivity connectivity,
            Needs needs,
            String notes,
            int priorityScore,
            StudentStatus status,
            String statusReason,
            Long mergedIntoId,
            int version,
            OffsetDateTime createdAt,
            String schoolLevel) {}

    static final String SELECT = "select s.id, " + StudentColumns.names("s", StudentColumns.REGISTERED) + """
            , s.status, s.status_reason, s.merged_into_id, s.version, s.created_at, sc.name as school_name,
                   sc.school_level,
                   u.name as unit_name, hu.name as home_unit_name
            from student s
            join org_school sc on sc.id = s.school_id
            join org_unit u on u.id = s.unit_id
            left join org_unit hu on hu.id = s.home_unit_id
            """;

    static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("school_id"),
                rs.getString("school_name"),
                rs.getLong("unit_id"),
                rs.getString("unit_name"),
                rs.getString("full_name"),
                rs.getObject("birth_date", LocalDate.class),
                Gender.valueOf(rs.getString("gender")),
                rs.getString("personal_id_cipher"),
                rs.getString("moet_code"),
                rs.getInt("grade"),
                rs.getString("class_name"),
                (Long) rs.getObject("home_unit_id", Long.class),
                rs.getString("home_unit_name"),
                rs.getString("address"),
                rs.getString("guardian_name"),
                rs.getString("guardian_phone"),
                rs.getString("categories"),
                DeviceSituation.valueOf(rs.getString("device_situation")),
                Connectivity.valueOf(rs.getString("connectivity")),
                new Needs(
                        rs.getBoolean("needs_device"),
                        rs.getBoolean("needs_sim"),
                        rs.getBoolean("needs_data"),
                        rs.getBoolean("needs_wifi")),
                rs.getString("notes"),
                rs.getInt("priority_score"),
                StudentStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                (Long) rs.getObject("merged_into_id", Long.class),
                rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("school_level"));
    }

    public Optional<Stored> find(long id) {
        return jdbc.sql(SELECT + " where s.id = ?")
                .param(id)
                .query(StudentRepository::stored)
                .optional();
    }

    public Optional<Long> idByIdempotencyKey(String key) {
        return jdbc.sql("select id from student where idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .optional();
    }

    /** Inserts a REGISTERED student and its first history line; returns the id. */
    public long insert(
            long campaignId,
            StudentDetails d,
            String personalIdCipher,
            String personalIdHash,
            int priorityScore,
            String idempotencyKey,
            Caller by) {
        OffsetDateTime now = OffsetDateTime.now();
        var keyHolder = new org.springframework.jdbc.support.GeneratedKeyHolder();
        List<Object> values = new ArrayList<>(StudentColumns.place(campaignId, d));
        values.addAll(StudentColumns.details(d, personalIdCipher, personalIdHash, priorityScore));
        values.add(now);
        values.add(now);
        values.add(idempotencyKey);
        values.add(by.accountId());
        jdbc.sql("insert into student (" + StudentColumns.names(StudentColumns.REGISTERED)
                        + ", status, created_at, updated_at, version, idempotency_key, created_by_account_id)"
                        + " values (" + StudentColumns.marks(StudentColumns.REGISTERED)
                        + ", 'REGISTERED', ?, ?, 0, ?, ?)")
                .params(values)
                .update(keyHolder, "id");
        long id = keyHolder.getKey().longValue();
        appendHistory(id, null, StudentStatus.REGISTERED, null, by);
        tallies.addedIds(List.of(id));
        return id;
    }

    /** Saves new details when the version still matches; false when someone else saved in between. */
    public boolean update(
            long id, int expectedVersion, StudentDetails d, String personalIdCipher, String personalIdHash, int score) {
        List<Object> values = new ArrayList<>(StudentColumns.details(d, personalIdCipher, personalIdHash, score));
        values.addAll(List.of(OffsetDateTime.now(), id, expectedVersion));
        // a correction may change the categories, which the kept counts distinguish
        return tallies.aroundIds(
                List.of(id),
                () -> jdbc.sql("update student set " + StudentColumns.assignments(StudentColumns.DETAILS)
                                        + ", updated_at = ?, version = version + 1 where id = ? and version = ?")
                                .params(values)
                                .update()
                        == 1);
    }

    /**
     * Moves one student when it is still in {@code from}; false when it moved meanwhile. The caller keeps the counts
     * ({@link StudentTallies#aroundIds} around all the students it moves together: one read before, one after).
     */
    public boolean changeStatus(
            long id, StudentStatus from, StudentStatus to, String reason, Long mergedInto, Caller by) {
        int changed = jdbc.sql("""
                        update student set status = ?, status_reason = ?, merged_into_id = ?, updated_at = ?,
                            version = version + 1
                        where id = ? and status = ?""")
                .params(to.name(), reason, mergedInto, OffsetDateTime.now(), id, from.name())
                .update();
        if (changed == 1) {
            appendHistory(id, from, to, reason, by);
        }
        return changed == 1;
    }

    /**
     * Moves one student from the status it was read in, only while what the kept counts distinguish (campaign, school,
     * unit, categories) is still as read: then {@link StudentTallies#moving} moves their counts from that reading, with no
     * read of its own. False when anything of it changed meanwhile.
     */
    public boolean moveStatus(Stored s, StudentStatus to, String reason, Caller by) {
        int changed = jdbc.sql("""
                        update student set status = ?, status_reason = ?, updated_at = ?, version = version + 1
                        where id = ? and status = ? and campaign_id = ? and school_id = ? and unit_id = ?
                          and coalesce(categories, '') = ?""")
                .params(
                        to.name(),
                        reason,
                        OffsetDateTime.now(),
                        s.id(),
                        s.status().name(),
                        s.campaignId(),
                        s.schoolId(),
                        s.unitId(),
                        s.categories() == null ? "" : s.categories())
                .update();
        if (changed == 1) {
            appendHistory(s.id(), s.status(), to, reason, by);
        }
        return changed == 1;
    }

    /** What the kept counts need of a student as read. */
    public static StudentTallies.Placed placed(Stored s) {
        return new StudentTallies.Placed(
                s.campaignId(),
                s.schoolId(),
                s.schoolLevel(),
                s.unitId(),
                s.status().name(),
                s.categories());
    }

    /** The name of who made the change is copied in now: the history never reads identity's accounts. */
    private void appendHistory(long id, StudentStatus from, StudentStatus to, String reason, Caller by) {
        jdbc.sql("""
                        insert into student_status_change (student_id, from_status, to_status, reason, account_id,
                                                           changed_by_name, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        from == null ? null : from.name(),
                        to.name(),
                        reason,
                        by.accountId(),
                        changedByName(by),
                        OffsetDateTime.now())
                .update();
    }

    /** The account's name as the caller carries it; none for the system or a guest, as before. */
    public static String changedByName(Caller by) {
        if (by.accountId() == null || by.displayName() == null) {
            return null;
        }
        String name = by.displayName().strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    /**
     * Fills the survivor's empty identifiers and contact details from the record merged into it (personal ID with its
     * blind index, MOET code, home commune, address, guardian); what the survivor already has stays. One statement,
     * so it applies to the rows as they are in this transaction.
     */
    public void fillMissingFrom(long keepId, long mergedId) {
        String from = "(select m.%s from student m where m.id = ?)";
        StringBuilder sql = new StringBuilder("update student set ");
        List<Object> params = new ArrayList<>();
        // cipher and blind index go together: the survivor has both or neither
        sql.append("personal_id_hash = case when personal_id_cipher is null then ")
                .append(from.formatted("personal_id_hash"))
                .append(" else personal_id_hash end, ");
        params.add(mergedId);
        String[] columns = {
            "personal_id_cipher", "moet_code", "home_unit_id", "address", "guardian_name", "guardian_phone"
        };
        for (String column : columns) {
            sql.append(column)
                    .append(" = coalesce(")
                    .append(column)
                    .append(", ")
                    .append(from.formatted(column))
                    .append("), ");
            params.add(mergedId);
        }
        sql.append("updated_at = ?, version = version + 1 where id = ?");
        params.add(OffsetDateTime.now());
        params.add(keepId);
        jdbc.sql(sql.toString()).params(params).update();
    }
}
