package vn.cungem.student.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;

/**
 * Finds the students the rows already are: in this campaign (exact key, or same school, name and birth date) the row
 * updates that student; elsewhere an exact key is refused (the registry never holds a child twice) and a likely match
 * is a warning for a person to confirm after commit (merge or keep apart).
 */
@Component
class RegistryMatching {

    private final StudentBulkWriter writer;
    private final Campaigns campaigns;
    private final ImportTexts texts;

    RegistryMatching(StudentBulkWriter writer, Campaigns campaigns, ImportTexts texts) {
        this.writer = writer;
        this.campaigns = campaigns;
        this.texts = texts;
    }

    /**
     * Matches one chunk, in file order, on a connection of its own: it sees the registry as committed, without this
     * import's own new students (a repeat within the file is {@link ImportCheck.Repeats}' to report). {@code claimed}
     * carries the students that earlier chunks already matched; {@code allowed} the schools of the importer.
     */
    void match(long campaignId, List<CheckedRow> rows, Set<Long> allowed, Map<Long, Integer> claimed) {
        List<StudentBulkWriter.Key> keys = new ArrayList<>(rows.size());
        Map<Integer, CheckedRow> byNumber = new HashMap<>(rows.size() * 2);
        for (CheckedRow r : rows) {
            if (r.key != null && r.outcome != CheckedRow.Outcome.ERROR) {
                keys.add(r.key);
                byNumber.put(r.number, r);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        Map<Integer, List<KeyMatch>> perRow = new TreeMap<>();
        for (KeyMatch m : writer.matches(keys)) {
            perRow.computeIfAbsent(m.row(), x -> new ArrayList<>()).add(m);
        }
        perRow.forEach((number, found) -> {
            CheckedRow r = byNumber.get(number);
            r.matchKey = KeyMatch.key(found);
            decide(r, found, campaignId, allowed, claimed);
        });
    }

    private void decide(
            CheckedRow r, List<KeyMatch> found, long campaignId, Set<Long> allowed, Map<Long, Integer> claimed) {
        Set<Long> targets = new TreeSet<>();
        KeyMatch elsewhere = null;
        KeyMatch likelyElsewhere = null;
        for (KeyMatch m : found) {
            boolean here = m.campaignId() == campaignId;
            if (here && (m.kind().equals("EXACT") || m.kind().equals("SCHOOL"))) {
                targets.add(m.studentId());
            } else if (m.kind().equals("EXACT")) {
                elsewhere = m;
            } else {
                likelyElsewhere = m;
            }
        }
        if (elsewhere != null && !allowed.contains(elsewhere.schoolId())) {
            // outside the importer's schools: only that the child is registered, never where (issue 9, finding 8)
            error(r, "student.duplicate.elsewhere");
        } else if (elsewhere != null) {
            error(r, "studentImport.match.registered", code(elsewhere), elsewhere.schoolName());
        } else if (targets.size() > 1) {
            error(r, "studentImport.match.several", String.valueOf(targets.size()));
        } else if (targets.size() == 1) {
            long id = targets.iterator().next();
            KeyMatch m =
                    found.stream().filter(x -> x.studentId() == id).findFirst().orElseThrow();
            Integer earlier = claimed.putIfAbsent(id, r.number);
            if (earlier != null) {
                error(r, "studentImport.match.sameAsRow", String.valueOf(earlier));
            } else if (!allowed.contains(m.schoolId())) {
                error(r, "student.duplicate.elsewhere");
            } else {
                r.studentId = id;
                if (!m.status().equals("REGISTERED") && !m.status().equals("RETURNED")) {
                    r.skip = true;
                    warning(r, "studentImport.match.decided");
                }
            }
        } else if (likelyElsewhere != null) {
            r.likelyDuplicate = true;
            if (allowed.contains(likelyElsewhere.schoolId())) {
                warning(r, "studentImport.match.likely", likelyElsewhere.schoolName(), code(likelyElsewhere));
            } else {
                warning(r, "student.duplicate.likelyElsewhere.import");
            }
        }
    }

    /** The code of the matched student's campaign, from campaign's API (it is shown only on these rare rows). */
    private String code(KeyMatch m) {
        return campaigns.find(m.campaignId()).map(Campaign::code).orElse("");
    }

    private void error(CheckedRow r, String key, Object... args) {
        r.error(texts.vi(key, args), texts.en(key, args));
    }

    private void warning(CheckedRow r, String key, Object... args) {
        r.warning(texts.vi(key, args), texts.en(key, args));
    }
}
