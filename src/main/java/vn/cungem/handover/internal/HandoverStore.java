package vn.cungem.handover.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The handover module's own tables: batches, their students, records and the devices on each record. */
@Repository
public class HandoverStore {

    public record BatchRow(
            long id,
            long campaignId,
            long schoolId,
            long unitId,
            LocalDate date,
            String placeKind,
            String placeNote,
            String createdBy,
            OffsetDateTime createdAt) {}

    public record EntryRow(long id, long batchId, long studentId, String maskedName, int grade, String className) {}

    public record RecordRow(
            long id,
            String number,
            long entryId,
            long batchId,
            long studentId,
            String idempotencyKey,
            String guardianName,
            String guardianRelation,
            String guardianPhone,
            Long handedByAccountId,
            String handedByName,
            LocalDate handedOn,
            String place,
            boolean signed,
            boolean paperPhoto,
            boolean madeOffline,
            OffsetDateTime madeAt,
            OffsetDateTime createdAt) {}

    public record ItemRow(
            long itemId,
            String tag,
            String type,
            String description,
            String serialNumber,
            String accessories,
            String connection) {}

    public record NewRecordRow(
            long entryId,
            long batchId,
            long studentId,
            String idempotencyKey,
            String guardianName,
            String guardianRelation,
            String guardianPhone,
            Long handedByAccountId,
            String handedByName,
            LocalDate handedOn,
            String place,
            byte[] signaturePng,
            byte[] paperPhoto,
            String paperPhotoType,
            boolean madeOffline,
            OffsetDateTime madeAt,
            OffsetDateTime createdAt) {}

    private static final String RECORD_COLUMNS = """
            id, record_number, entry_id, batch_id, student_id, idempotency_key, guardian_name, guardian_relation,
            guardian_phone, handed_by_account_id, handed_by_name, handed_on, place, signature_png is not null as signed,
            paper_photo is not null as photo, made_offline, made_at, created_at""";

    private final JdbcClient jdbc;

    HandoverStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertBatch(
            long campaignId,
            long schoolId,
            long unitId,
            LocalDate date,
            String placeKind,
            String placeNote,
            Long accountId,
            String by,
            OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into handover_batch (campaign_id, school_id, unit_id, handover_date, place_kind, place_note,
                                                    created_by_account_id, created_by_name, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(campaignId, schoolId, unitId, date, placeKind, placeNote, accountId, by, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void insertEntry(long batchId, long studentId, String maskedName, int grade, String className) {
        jdbc.sql("""
                        insert into handover_entry (batch_id, student_id, masked_name, grade, class_name)
                        values (?, ?, ?, ?, ?)""").params(batchId, studentId, maskedName, grade, className).update();
    }

    public Optional<BatchRow> batch(long id) {
        return jdbc.sql("select * from handover_batch where id = ?")
                .param(id)
                .query(HandoverStore::batchRow)
                .optional();
    }

    /** Batches on a day (or from a day on, when {@code onlyThatDay} is false), newest first, at most {@code limit}. */
    public List<BatchRow> batches(LocalDate from, boolean onlyThatDay, int limit) {
        return jdbc.sql("select * from handover_batch where handover_date "
                        + (onlyThatDay ? "= ?" : ">= ?")
                        + " order by handover_date, id limit ?")
                .params(from, limit)
                .query(HandoverStore::batchRow)
                .list();
    }

    public List<EntryRow> entries(long batchId) {
        return jdbc.sql("select * from handover_entry where batch_id = ? order by class_name, masked_name, id")
                .param(batchId)
                .query(HandoverStore::entryRow)
                .list();
    }

    public Optional<EntryRow> entry(long id) {
        return jdbc.sql("select * from handover_entry where id = ?")
                .param(id)
                .query(HandoverStore::entryRow)
                .optional();
    }

    /** Student ids already in a batch of this campaign, so a student is scheduled once. */
    public List<Long> scheduledStudents(long campaignId, Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select e.student_id from handover_entry e join handover_batch b on b.id = e.batch_id
                         where b.campaign_id = :campaign and e.student_id in (:ids)""")
                .param("campaign", campaignId)
                .param("ids", studentIds)
                .query(Long.class)
                .list();
    }

    public long insertRecord(NewRecordRow r) {
        var keys = new GeneratedKeyHolder();
        // the number is written from the id just below, in the same transaction; a placeholder keeps it unique
        jdbc.sql("""
                        insert into handover_record (record_number, entry_id, batch_id, student_id, idempotency_key,
                               guardian_name, guardian_relation, guardian_phone, handed_by_account_id, handed_by_name,
                               handed_on, place, signature_png, paper_photo, paper_photo_type, made_offline, made_at,
                               created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        "~" + r.idempotencyKey().hashCode() + "~" + r.entryId(),
                        r.entryId(),
                        r.batchId(),
                        r.studentId(),
                        r.idempotencyKey(),
                        r.guardianName(),
                        r.guardianRelation(),
                        r.guardianPhone(),
                        r.handedByAccountId(),
                        r.handedByName(),
                        r.handedOn(),
                        r.place(),
                        r.signaturePng(),
                        r.paperPhoto(),
                        r.paperPhotoType(),
                        r.madeOffline(),
                        r.madeAt(),
                        r.createdAt())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("update handover_record set record_number = ? where id = ?")
                .params(number(r.handedOn(), id), id)
                .update();
        return id;
    }

    /** The record's number as printed: BG-year-id, so it reads in order and never repeats. */
    static String number(LocalDate on, long id) {
        return "BG-%d-%06d".formatted(on.getYear(), id);
    }

    public void insertItem(long recordId, ItemRow i) {
        jdbc.sql("""
                        insert into handover_record_item (record_id, item_id, tag, item_type, description, serial_number,
                                                          accessories, connection)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        recordId,
                        i.itemId(),
                        i.tag(),
                        i.type(),
                        i.description(),
                        i.serialNumber(),
                        i.accessories(),
                        i.connection())
                .update();
    }

    public Optional<RecordRow> recordByKey(String key) {
        return records("idempotency_key = ?", key).stream().findFirst();
    }

    public Optional<RecordRow> recordOfEntry(long entryId) {
        return records("entry_id = ?", entryId).stream().findFirst();
    }

    public Optional<RecordRow> recordByNumber(String number) {
        return records("record_number = ?", number == null ? "" : number.strip().toUpperCase(java.util.Locale.ROOT))
                .stream()
                .findFirst();
    }

    public List<RecordRow> recordsOfBatch(long batchId) {
        return records("batch_id = ?", batchId);
    }

    /** Records matching one condition on a column; the key, entry and number are unique, so those find one at most. */
    private List<RecordRow> records(String condition, Object value) {
        return jdbc.sql("select " + RECORD_COLUMNS + " from handover_record where " + condition + " order by id")
                .param(value)
                .query(HandoverStore::recordRow)
                .list();
    }

    public List<ItemRow> items(long recordId) {
        return jdbc.sql("""
                        select item_id, tag, item_type, description, serial_number, accessories, connection
                          from handover_record_item where record_id = ? order by id""")
                .param(recordId)
                .query((rs, n) -> new ItemRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    public Optional<byte[]> signature(long recordId) {
        return jdbc.sql("select signature_png from handover_record where id = ?")
                .param(recordId)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .filter(b -> b != null);
    }

    private static BatchRow batchRow(ResultSet rs, int n) throws SQLException {
        return new BatchRow(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("school_id"),
                rs.getLong("unit_id"),
                rs.getObject("handover_date", LocalDate.class),
                rs.getString("place_kind"),
                rs.getString("place_note"),
                rs.getString("created_by_name"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static EntryRow entryRow(ResultSet rs, int n) throws SQLException {
        return new EntryRow(
                rs.getLong("id"),
                rs.getLong("batch_id"),
                rs.getLong("student_id"),
                rs.getString("masked_name"),
                rs.getInt("grade"),
                rs.getString("class_name"));
    }

    private static RecordRow recordRow(ResultSet rs, int n) throws SQLException {
        return new RecordRow(
                rs.getLong("id"),
                rs.getString("record_number"),
                rs.getLong("entry_id"),
                rs.getLong("batch_id"),
                rs.getLong("student_id"),
                rs.getString("idempotency_key"),
                rs.getString("guardian_name"),
                rs.getString("guardian_relation"),
                rs.getString("guardian_phone"),
                rs.getObject("handed_by_account_id", Long.class),
                rs.getString("handed_by_name"),
                rs.getObject("handed_on", LocalDate.class),
                rs.getString("place"),
                rs.getBoolean("signed"),
                rs.getBoolean("photo"),
                rs.getBoolean("made_offline"),
                rs.getObject("made_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
