package vn.cungem.student;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.internal.StudentBulkRows;
import vn.cungem.student.internal.StudentColumns;
import vn.cungem.student.internal.StudentTallies;

/**
 * Writes students already checked, many at a time, for the synthetic national data set (the demo generator): no
 * duplicate search and no audit line per child, which is why only the system may call it and only for data that is
 * generated. The columns derived from a student (folded name, sort key, priority score, encrypted personal id and its
 * blind index) are the registry's own, so the rows are indistinguishable from registered ones; the history lines and
 * the kept counts are written by {@link #finish} for the whole campaign at once. Call both in one transaction.
 */
@Service
public class StudentBulkLoad {

    /** One student and the status the data set puts it in. */
    public record Entry(StudentDetails details, StudentStatus status) {}

    private final StudentBulkRows rows;
    private final StudentTallies tallies;
    private final Campaigns campaigns;
    private final Students students;

    StudentBulkLoad(StudentBulkRows rows, StudentTallies tallies, Campaigns campaigns, Students students) {
        this.rows = rows;
        this.tallies = tallies;
        this.campaigns = campaigns;
        this.students = students;
    }

    /** Where the ids of this load start; pass it to {@link #finish}. */
    public long start() {
        return rows.highestId();
    }

    /** Writes one chunk (a few thousand) of the campaign's students. */
    public void insert(long campaignId, List<Entry> entries, Caller caller, Instant at) {
        if (!caller.isAdmin()) {
            throw new vn.cungem.shared.NotFoundException("campaign", campaignId);
        }
        List<PriorityCategory> weights =
                campaigns.get(campaignId, caller).spec().categories();
        StudentIdCipher cipher = students.cipher();
        for (StudentStatus status : StudentStatus.values()) {
            List<List<Object>> values = new ArrayList<>();
            for (Entry e : entries) {
                if (e.status() != status) {
                    continue;
                }
                StudentDetails d = e.details();
                List<Object> row = new ArrayList<>(StudentColumns.place(campaignId, d));
                row.addAll(StudentColumns.details(
                        d,
                        d.personalId() == null ? null : cipher.encrypt(d.personalId()),
                        d.personalId() == null ? null : cipher.blindIndex(d.personalId()),
                        d.priority(weights).score()));
                values.add(row);
            }
            rows.insert(values, status.name(), at);
        }
    }

    /** The history lines of everything written since {@code idsAfter}, and the campaign's counts from its rows. */
    public void finish(long campaignId, long idsAfter, String note, Instant at) {
        rows.history(campaignId, idsAfter, note, at);
        tallies.recount(campaignId);
    }
}
