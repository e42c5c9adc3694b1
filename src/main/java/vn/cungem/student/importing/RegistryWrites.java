package vn.cungem.student.importing;

import static vn.cungem.student.importing.ImportJobStore.cut;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.jdbc.KeyedLocks;
import vn.cungem.shared.text.Bundles;
import vn.cungem.student.internal.StudentRepository;
import vn.cungem.student.internal.StudentTallies;

/**
 * What a commit writes to the registry, all in the run's transaction: new students chunk by chunk as they are checked,
 * then their first history line, then the students the file updates, then the audit record.
 */
@Component
class RegistryWrites {

    private final JdbcClient jdbc;
    private final StudentBulkWriter writer;
    private final KeyedLocks locks;
    private final ApplicationEventPublisher events;
    private final StudentTallies tallies;

    RegistryWrites(
            JdbcClient jdbc,
            StudentBulkWriter writer,
            KeyedLocks locks,
            ApplicationEventPublisher events,
            StudentTallies tallies) {
        this.tallies = tallies;
        this.jdbc = jdbc;
        this.writer = writer;
        this.locks = locks;
        this.events = events;
    }

    /**
     * One import at a time per campaign, so two files cannot both insert the same child. The registry is matched only
     * once the lock is held: a file committed just before is then seen. Student's own lock table (V100), not the
     * campaign row that donation's cash work uses. Returns the highest student id now: every id this import is given
     * comes after it (ids only grow), which finds the new students again for their history by the primary key, not by
     * a scan of the registry.
     */
    long lock(long campaignId) {
        locks.lock("student_lock", campaignId, "import");
        return jdbc.sql("select coalesce(max(id), 0) from student")
                .query(Long.class)
                .single();
    }

    /** Inserts the chunk's new students now; keeps the ones it updates in {@code updates}. Returns how many it inserted. */
    int insert(List<CheckedRow> chunk, List<StudentRow> updates, Instant now) {
        List<StudentRow> inserts = new ArrayList<>(chunk.size());
        for (CheckedRow r : chunk) {
            if (r.writable()) {
                if (r.studentId == null) {
                    inserts.add(r.row);
                } else {
                    updates.add(r.row.withId(r.studentId));
                }
            }
        }
        writer.insertStudents(inserts, now);
        return inserts.size();
    }

    /** The first line of each new student's status history, as a registration by hand has. */
    void history(JobData job, long idsAfter, Instant now) {
        jdbc.sql("""
                        insert into student_status_change (student_id, from_status, to_status, reason,
                                                           account_id, changed_by_name, changed_at)
                        select id, null, 'REGISTERED', ?, ?, ?, ? from student
                         where id > ? and source_import_id = ?""")
                .params(
                        cut(Bundles.vi("import.history.fromFile", job.fileName), 500),
                        job.caller.accountId(),
                        StudentRepository.changedByName(job.caller),
                        now.atOffset(ZoneOffset.UTC),
                        idsAfter,
                        job.id)
                .update();
        tallies.added("s.id > ? and s.source_import_id = ?", List.of(idsAfter, job.id));
    }

    void update(List<StudentRow> updates, Instant now) {
        tallies.aroundIds(updates.stream().map(StudentRow::id).toList(), () -> {
            writer.updateStudents(updates, now);
            return null;
        });
    }

    /**
     * Updates the registered students a previewed import matched, moving their kept counts with them (an update may
     * change a student's school, level or priority groups).
     */
    int updateStaged(long importId, java.util.function.IntSupplier change) {
        return tallies.around(
                "s.id in (select g.student_id from student_import_staged g"
                        + " where g.source_import_id = ? and g.student_id is not null)",
                List.of(importId),
                change::getAsInt);
    }

    void committed(JobData job, Campaign campaign, Tally tally) {
        events.publishEvent(new DomainChange(
                "StudentImport",
                String.valueOf(job.id),
                "COMMITTED",
                campaign.organisingUnit().id(),
                Map.of(),
                Map.of(
                        "campaignId",
                        job.campaignId,
                        "file",
                        job.fileName,
                        "inserted",
                        tally.inserted,
                        "updated",
                        tally.updated),
                null));
    }
}
