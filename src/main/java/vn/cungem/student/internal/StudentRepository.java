package vn.cungem.student.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.student.Connectivity;
import vn.cungem.student.DeviceSituation;
import vn.cungem.student.EligibleStudent;
import vn.cungem.student.Evidence;
import vn.cungem.student.Gender;
import vn.cungem.student.Needs;
import vn.cungem.student.RollUp;
import vn.cungem.student.SchoolRef;
import vn.cungem.student.StatusChange;
import vn.cungem.student.StudentDetails;
import vn.cungem.student.StudentRow;
import vn.cungem.student.StudentStatus;

/** SQL for the registry. Scope conditions arrive as SQL built by the façade from server-side ids, never user input. */
@Repository
public class StudentRepository {

    /**
     * The documented list order: priority score, highest first; then no device before a broken one before a shared one
     * (003: "most difficult first"); then the lower grade (younger children cope least with a shared phone); then the
     * earlier registration.
     */
    public static final String PRIORITY_ORDER = "s.priority_score desc, case s.device_situation when 'NONE' then 0"
            + " when 'BROKEN' then 1 else 2 end, s.grade, s.id";

    private final JdbcClient jdbc;

    StudentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
            OffsetDateTime createdAt) {}

    private static final String SELECT = "select s.id, " + StudentColumns.names("s", StudentColumns.REGISTERED) + """
            , s.status, s.status_reason, s.merged_into_id, s.version, s.created_at, sc.name as school_name,
                   u.name as unit_name, hu.name as home_unit_name
            from student s
            join school sc on sc.id = s.school_id
            join administrative_unit u on u.id = s.unit_id
            left join administrative_unit hu on hu.id = s.home_unit_id
            """;

    private static Stored stored(ResultSet rs, int row) throws SQLException {
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
                rs.getObject("created_at", OffsetDateTime.class));
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
        return id;
    }

    /** Saves new details when the version still matches; false when someone else saved in between. */
    public boolean update(
            long id, int expectedVersion, StudentDetails d, String personalIdCipher, String personalIdHash, int score) {
        List<Object> values = new ArrayList<>(StudentColumns.details(d, personalIdCipher, personalIdHash, score));
        values.addAll(List.of(OffsetDateTime.now(), id, expectedVersion));
        return jdbc.sql("update student set " + StudentColumns.assignments(StudentColumns.DETAILS)
                                + ", updated_at = ?, version = version + 1 where id = ? and version = ?")
                        .params(values)
                        .update()
                == 1;
    }

    /** Moves one student when it is still in {@code from}; false when it moved meanwhile. */
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

    /** The history of a student and of every duplicate merged into it, oldest first. */
    public List<StatusChange> history(long id) {
        return jdbc.sql("""
                        select h.student_id, h.from_status, h.to_status, h.reason, h.changed_by_name, h.changed_at
                        from student_status_change h
                        where h.student_id = ? or h.student_id in (select id from student where merged_into_id = ?)
                        order by h.changed_at, h.id""")
                .params(id, id)
                .query((rs, n) -> new StatusChange(
                        rs.getLong(1),
                        rs.getString(2) == null ? null : StudentStatus.valueOf(rs.getString(2)),
                        StudentStatus.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    /** Students (any campaign, not merged away) with this personal id hash or MOET student code. */
    public List<Stored> exactMatches(String personalIdHash, String moetCode, Long exceptId) {
        if (personalIdHash == null && moetCode == null) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                         where s.status <> 'MERGED' and s.id <> ?
                           and (s.personal_id_hash = ? or s.moet_code = ?)
                         order by s.id limit 20""")
                .params(exceptId == null ? -1L : exceptId, personalIdHash, moetCode)
                .query(StudentRepository::stored)
                .list();
    }

    /** Same folded name and birth date, and the same school or the same guardian phone; any campaign. */
    public List<Stored> likelyMatches(
            String nameFolded, LocalDate birthDate, long schoolId, String guardianPhone, Long exceptId) {
        return jdbc.sql(SELECT + """
                         where s.status <> 'MERGED' and s.id <> ? and s.name_folded = ? and s.birth_date = ?
                           and (s.school_id = ? or s.guardian_phone = ?)
                         order by s.id limit 20""")
                .params(exceptId == null ? -1L : exceptId, nameFolded, birthDate, schoolId, guardianPhone)
                .query(StudentRepository::stored)
                .list();
    }

    /** A page of rows in {@link #PRIORITY_ORDER}; one extra row tells whether there is a next page. */
    public List<Row> list(String where, List<Object> params, int limit, long offset) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        all.add(offset);
        return jdbc.sql("""
                        select s.id, s.full_name, s.school_id, sc.name as school_name, s.unit_id, s.grade,
                               s.class_name, s.categories, s.device_situation, s.connectivity, s.priority_score,
                               s.status, s.status_reason
                        from student s join school sc on sc.id = s.school_id
                        where\s""" + where + " order by " + PRIORITY_ORDER + " limit ? offset ?")
                .params(all)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("full_name"),
                        rs.getLong("school_id"),
                        rs.getString("school_name"),
                        rs.getLong("unit_id"),
                        rs.getInt("grade"),
                        rs.getString("class_name"),
                        rs.getString("categories"),
                        DeviceSituation.valueOf(rs.getString("device_situation")),
                        Connectivity.valueOf(rs.getString("connectivity")),
                        rs.getInt("priority_score"),
                        StudentStatus.valueOf(rs.getString("status")),
                        rs.getString("status_reason")))
                .list();
    }

    /** A list row before the façade decides whether to mask it. */
    public record Row(
            long id,
            String fullName,
            long schoolId,
            String schoolName,
            long unitId,
            int grade,
            String className,
            String categories,
            DeviceSituation deviceSituation,
            Connectivity connectivity,
            int priorityScore,
            StudentStatus status,
            String statusReason) {

        public StudentRow toRow(String name, boolean masked) {
            return new StudentRow(
                    id,
                    name,
                    masked,
                    schoolId,
                    schoolName,
                    grade,
                    className,
                    categories,
                    deviceSituation,
                    connectivity,
                    priorityScore,
                    status,
                    statusReason);
        }
    }

    public Map<StudentStatus, Long> countByStatus(String where, List<Object> params) {
        Map<StudentStatus, Long> counts = new EnumMap<>(StudentStatus.class);
        jdbc.sql("select s.status, count(*) from student s where " + where + " group by s.status")
                .params(params)
                .query((rs, n) -> counts.put(StudentStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** Ids of a school's students in a campaign that are in one of the given statuses. */
    public List<Long> idsOfSchool(long campaignId, long schoolId, List<StudentStatus> statuses) {
        String in = String.join(
                ",", statuses.stream().map(s -> "'" + s.name() + "'").toList());
        return jdbc.sql("select id from student where campaign_id = ? and school_id = ? and status in (" + in
                        + ") order by id")
                .params(campaignId, schoolId)
                .query(Long.class)
                .list();
    }

    /**
     * The unit that approves a school's list: the nearest district at or above the school's unit, or the school's own
     * unit (a commune or ward) where there is no district (002: "the district approves"; since 2025 the commune).
     */
    public long approvingUnit(long schoolUnitId) {
        return jdbc.sql("""
                        select uc.ancestor_id from unit_closure uc
                        join administrative_unit a on a.id = uc.ancestor_id
                        where uc.descendant_id = ? and a.level_code = 'district'
                        order by uc.depth limit 1""").param(schoolUnitId).query(Long.class).optional().orElse(schoolUnitId);
    }

    public Optional<SchoolRef> school(long id) {
        return jdbc.sql(
                        "select id, unit_id, moet_code, name, school_level from school where id = ? and retired_on is null")
                .param(id)
                .query(StudentRepository::schoolRef)
                .optional();
    }

    public Optional<SchoolRef> schoolByCode(String moetCode) {
        return jdbc.sql("select id, unit_id, moet_code, name, school_level from school where moet_code = ?"
                        + " and retired_on is null")
                .param(moetCode.strip().toUpperCase(java.util.Locale.ROOT))
                .query(StudentRepository::schoolRef)
                .optional();
    }

    private static SchoolRef schoolRef(ResultSet rs, int n) throws SQLException {
        SchoolLevel level;
        try {
            level = SchoolLevel.valueOf(rs.getString("school_level"));
        } catch (IllegalArgumentException e) {
            level = null;
        }
        return new SchoolRef(
                rs.getLong("id"), rs.getLong("unit_id"), rs.getString("moet_code"), rs.getString("name"), level);
    }

    /** A commune or ward by official code, else by folded name (only when the name is unique). */
    public Optional<Long> communeByCodeOrName(String raw) {
        Optional<Long> byCode = jdbc.sql("select id from administrative_unit where code = ?")
                .param(raw.strip())
                .query(Long.class)
                .optional();
        if (byCode.isPresent()) {
            return byCode;
        }
        List<Long> byName = jdbc.sql(
                        "select id from administrative_unit where name_folded = ? and level_code = 'commune'"
                                + " fetch first 2 rows only")
                .param(VietnameseText.fold(raw))
                .query(Long.class)
                .list();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    public List<EligibleStudent> approved(long campaignId) {
        return jdbc.sql("select s.id, s.campaign_id, s.school_id, s.unit_id, s.grade, s.priority_score,"
                        + " s.device_situation, s.connectivity, s.needs_device, s.needs_sim, s.needs_data, s.needs_wifi"
                        + " from student s where s.campaign_id = ? and s.status = 'APPROVED' order by "
                        + PRIORITY_ORDER)
                .param(campaignId)
                .query((rs, n) -> new EligibleStudent(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        DeviceSituation.valueOf(rs.getString(7)),
                        Connectivity.valueOf(rs.getString(8)),
                        new Needs(rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11), rs.getBoolean(12))))
                .list();
    }

    // ---- roll-up

    public String unitName(long unitId) {
        return jdbc.sql("select name from administrative_unit where id = ?")
                .param(unitId)
                .query(String.class)
                .optional()
                .orElse("");
    }

    /** Counts per child unit of {@code unitId}, each child's whole subtree counted. */
    public List<RollUp.Line> countsPerChildUnit(long campaignId, long unitId) {
        return lines("""
                select c.id, c.name, s.status, count(s.id)
                from administrative_unit c
                join unit_closure uc on uc.ancestor_id = c.id
                left join student s on s.unit_id = uc.descendant_id and s.campaign_id = ?
                where c.parent_id = ? and c.retired_on is null
                group by c.id, c.name, c.name_sort, s.status
                order by c.name_sort, c.id""", campaignId, unitId);
    }

    /** Counts per school sitting directly in {@code unitId} (a commune's schools). */
    public List<RollUp.Line> countsPerSchool(long campaignId, long unitId) {
        return lines("""
                select sc.id, sc.name, s.status, count(s.id)
                from school sc
                left join student s on s.school_id = sc.id and s.campaign_id = ?
                where sc.unit_id = ? and sc.retired_on is null
                group by sc.id, sc.name, sc.name_sort, s.status
                order by sc.name_sort, sc.id""", campaignId, unitId);
    }

    private List<RollUp.Line> lines(String sql, long campaignId, long unitId) {
        Map<Long, long[]> counts = new java.util.LinkedHashMap<>();
        Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql(sql)
                .params(campaignId, unitId)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    names.put(id, rs.getString(2));
                    long[] c = counts.computeIfAbsent(id, k -> new long[5]);
                    String status = rs.getString(3);
                    if (status != null) {
                        switch (StudentStatus.valueOf(status)) {
                            case REGISTERED -> c[0] += rs.getLong(4);
                            case PROPOSED -> c[1] += rs.getLong(4);
                            case APPROVED -> c[2] += rs.getLong(4);
                            case RETURNED -> c[3] += rs.getLong(4);
                            case REJECTED -> c[4] += rs.getLong(4);
                            case MERGED -> {}
                        }
                    }
                    return null;
                })
                .list();
        List<RollUp.Line> lines = new ArrayList<>();
        counts.forEach((id, c) -> lines.add(new RollUp.Line(id, names.get(id), c[0], c[1], c[2], c[3], c[4])));
        return lines;
    }

    private static final String NOT_PROPOSED = """
            from school sc
            join administrative_unit u on u.id = sc.unit_id
            where sc.retired_on is null
              and sc.unit_id in (select descendant_id from unit_closure where ancestor_id = ?)
              and sc.unit_id in (select uc.descendant_id from unit_closure uc where uc.ancestor_id in (%s))
              and sc.school_level in (%s)
              and not exists (select 1 from student s where s.school_id = sc.id and s.campaign_id = ?
                              and s.status in ('PROPOSED', 'APPROVED', 'RETURNED', 'REJECTED'))
            """;

    /**
     * Schools in the unit's subtree, in the campaign's area and of its eligible levels, that have proposed nobody: the
     * ones a manager has to chase before the deadline. Returned students count as proposed (the school did send a list).
     */
    public List<RollUp.MissingSchool> notProposed(
            long campaignId, List<Long> area, long unitId, List<SchoolLevel> levels, int limit) {
        if (levels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select sc.id, sc.moet_code, sc.name, u.name,"
                        + " (select count(*) from student s where s.school_id = sc.id and s.campaign_id = ?"
                        + " and s.status = 'REGISTERED') "
                        + notProposedFrom(area, levels) + " order by u.name_sort, sc.name_sort, sc.id limit ?")
                .params(campaignId, unitId, campaignId, limit)
                .query((rs, n) -> new RollUp.MissingSchool(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    public long notProposedCount(long campaignId, List<Long> area, long unitId, List<SchoolLevel> levels) {
        if (levels.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) " + notProposedFrom(area, levels))
                .params(unitId, campaignId)
                .query(Long.class)
                .single();
    }

    /** The campaign's area comes from the campaign module ({@code Campaign.areaUnitIds}): ids, inlined. */
    private static String notProposedFrom(List<Long> area, List<SchoolLevel> levels) {
        String in =
                String.join(",", levels.stream().map(l -> "'" + l.name() + "'").toList());
        String units = String.join(",", area.stream().map(String::valueOf).toList());
        return NOT_PROPOSED.formatted(units.isEmpty() ? "-1" : units, in);
    }

    // ---- evidence

    public long insertEvidence(long studentId, String fileName, String contentType, byte[] content, Long accountId) {
        var keyHolder = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into student_evidence (student_id, file_name, content_type, size_bytes, content,
                                                      uploaded_by_account_id, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(studentId, fileName, contentType, content.length, content, accountId, OffsetDateTime.now())
                .update(keyHolder, "id");
        return keyHolder.getKey().longValue();
    }

    public void deleteEvidence(long studentId, long evidenceId) {
        jdbc.sql("delete from student_evidence where id = ? and student_id = ?")
                .params(evidenceId, studentId)
                .update();
    }

    public List<Evidence> evidence(long studentId) {
        return jdbc.sql("select id, file_name, content_type, size_bytes, uploaded_at from student_evidence"
                        + " where student_id = ? order by id")
                .param(studentId)
                .query((rs, n) -> new Evidence(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    public Optional<Evidence.File> evidenceFile(long studentId, long evidenceId) {
        return jdbc.sql("select file_name, content_type, content from student_evidence where id = ? and student_id = ?")
                .params(evidenceId, studentId)
                .query((rs, n) -> new Evidence.File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }
}
