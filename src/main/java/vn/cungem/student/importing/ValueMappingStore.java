package vn.cungem.student.importing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.student.importing.values.ValueField;
import vn.cungem.student.importing.values.ValueMappings;

/** The free-text meanings remembered per campaign ({@code student_value_mapping}, V180). */
@Component
class ValueMappingStore {

    /** One remembered meaning, already checked: the text folded and as shown, the value as {@link ValueField} writes it. */
    record Remembered(ValueField field, String folded, String shown, String value) {}

    private final JdbcClient jdbc;

    ValueMappingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ValueMappings forCampaign(long campaignId) {
        return forCampaign(jdbc, campaignId);
    }

    /** For a run that has its own {@link JdbcClient}: one query, the whole campaign's mappings. */
    static ValueMappings forCampaign(JdbcClient jdbc, long campaignId) {
        return forCampaign(jdbc, campaignId, new CheckDigest());
    }

    /** As above, each meaning also added to {@code digest} (in a fixed order), for what a preview checked against. */
    static ValueMappings forCampaign(JdbcClient jdbc, long campaignId, CheckDigest digest) {
        ValueMappings.Builder b = ValueMappings.builder();
        jdbc.sql("select field, text_folded, meaning from student_value_mapping where campaign_id = ?"
                        + " order by field, text_folded")
                .param(campaignId)
                .query((rs, n) -> {
                    digest.add(rs.getString(1)).add(rs.getString(2)).add(rs.getString(3));
                    return b.put(ValueField.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3));
                })
                .list();
        return b.build();
    }

    /** Saves each meaning, replacing an earlier one for the same text; the same request sent twice changes nothing. */
    void save(long campaignId, List<Remembered> mappings, String byName) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Remembered m : mappings) {
            if (update(campaignId, m, byName, now) > 0) {
                continue;
            }
            try {
                jdbc.sql("insert into student_value_mapping (campaign_id, field, text_folded, text_shown, meaning,"
                                + " updated_by_name, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                        .params(campaignId, m.field().name(), m.folded(), m.shown(), m.value(), byName, now)
                        .update();
            } catch (DuplicateKeyException e) {
                // saved at the same moment by another request: this one's choice is the later one
                update(campaignId, m, byName, now);
            }
        }
    }

    private int update(long campaignId, Remembered m, String byName, OffsetDateTime now) {
        return jdbc.sql("update student_value_mapping set meaning = ?, text_shown = ?, updated_by_name = ?,"
                        + " updated_at = ? where campaign_id = ? and field = ? and text_folded = ?")
                .params(m.value(), m.shown(), byName, now, campaignId, m.field().name(), m.folded())
                .update();
    }
}
