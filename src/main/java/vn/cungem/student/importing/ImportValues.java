package vn.cungem.student.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.spreadsheet.SpreadsheetParsing;
import vn.cungem.student.importing.ImportJob.Status;
import vn.cungem.student.importing.values.DistinctValues;
import vn.cungem.student.importing.values.FreeText;
import vn.cungem.student.importing.values.RowInterpreter;
import vn.cungem.student.importing.values.ValueField;
import vn.cungem.student.importing.values.ValueMappings;
import vn.cungem.student.importing.values.ValueWords;

/**
 * The value-mapping step: the distinct free texts of an import's file, each once with its meaning and number of rows;
 * the person's choices saved for the campaign ({@link ValueMappingStore}) and the file checked again with them.
 */
@Service
public class ImportValues {

    static final int MAX_PER_REQUEST = 500;

    /** One distinct text of the file, what it is taken to mean, and how that was decided. */
    public record DistinctValue(
            ValueField field,
            String text,
            int rows,
            String value,
            String valueVi,
            String valueEn,
            FreeText.Source source,
            boolean unsure) {}

    /** A person's choice: the text as the file writes it and its meaning ({@link ValueField} says how to write it). */
    public record Mapping(ValueField field, String text, String value) {}

    private final ImportAccess access;
    private final ImportJobStore store;
    private final ImportUploads uploads;
    private final ValueMappingStore mappings;
    private final FileTexts fileTexts;

    ImportValues(
            ImportAccess access,
            ImportJobStore store,
            ImportUploads uploads,
            ValueMappingStore mappings,
            FileTexts fileTexts) {
        this.access = access;
        this.fileTexts = fileTexts;
        this.store = store;
        this.uploads = uploads;
        this.mappings = mappings;
    }

    public List<DistinctValue> distinct(long campaignId, long importId, Caller caller) {
        ImportJob job = access.require(campaignId, importId, caller);
        List<PriorityCategory> categories =
                access.requireImporter(campaignId, caller).spec().categories();
        if (job.sheetIndex() == null || job.status() == Status.DISCARDED) {
            return List.of();
        }
        RowInterpreter interpreter = new RowInterpreter(categories, mappings.forCampaign(campaignId));
        DistinctValues distinct = new DistinctValues();
        // The texts the preview kept, read anew with the campaign's current choices: the file is not read again.
        List<FileTexts.Kept> kept =
                job.status() == Status.PREVIEW || job.status() == Status.COMMITTED ? fileTexts.of(importId) : List.of();
        for (FileTexts.Kept k : kept) {
            FreeText t = interpreter.meaning(k.field(), k.raw());
            if (t != null) {
                distinct.add(t, k.rows());
            }
        }
        // Else the file as the check reads it: every planned sheet, the confirmed columns, non-student rows left out.
        if (kept.isEmpty()) {
            JobSheets.read(
                    store.jobData(importId),
                    row -> distinct.add(
                            interpreter.interpret(ImportCheck.input(row)).texts()),
                    skipped -> {},
                    SpreadsheetParsing.REQUEST_WAIT);
        }
        ValueWords words = new ValueWords(categories);
        List<DistinctValue> out = new ArrayList<>();
        for (DistinctValues.Counted c : distinct.list()) {
            FreeText t = c.text();
            out.add(new DistinctValue(
                    t.field(),
                    t.shown(),
                    c.rows(),
                    t.value(),
                    words.vi(t.field(), t.value()),
                    words.en(t.field(), t.value()),
                    t.source(),
                    t.unsure()));
        }
        return out;
    }

    /**
     * Remembers each choice for the campaign and checks the file again. Every choice is checked before any is saved, so
     * a bad one saves none; sending the same choices again changes nothing.
     */
    public ImportJob map(long campaignId, long importId, List<Mapping> chosen, Caller caller) {
        ImportJob job = access.require(campaignId, importId, caller);
        Campaign campaign = access.requireImporter(campaignId, caller);
        if (job.status() != Status.PREVIEW || job.sheetIndex() == null) {
            throw InvalidValueException.of("student-values.not-now", "values.mapping.notNow");
        }
        if (chosen == null || chosen.isEmpty()) {
            throw InvalidValueException.of("student-values.empty", "values.mapping.empty");
        }
        if (chosen.size() > MAX_PER_REQUEST) {
            throw InvalidValueException.of("student-values.too-many", "values.mapping.tooMany", MAX_PER_REQUEST);
        }
        ValueWords words = new ValueWords(campaign.spec().categories());
        Map<String, ValueMappingStore.Remembered> checked = new HashMap<>();
        for (Mapping m : chosen) {
            if (m == null || m.field() == null) {
                throw InvalidValueException.of("student-values.field", "values.mapping.field", "");
            }
            String text = m.text() == null ? "" : m.text().strip();
            if (text.length() > 300) {
                throw InvalidValueException.of("student-values.text", "values.mapping.text");
            }
            String value = words.normalised(m.field(), m.value())
                    .orElseThrow(() -> InvalidValueException.of(
                            "student-values.value",
                            "values.mapping.value",
                            text.isEmpty() ? vn.cungem.shared.text.Bundles.vi("values.blank") : text,
                            m.value() == null ? "" : m.value()));
            String folded = ValueMappings.fold(text);
            checked.put(
                    m.field() + "\u0000" + folded, new ValueMappingStore.Remembered(m.field(), folded, text, value));
        }
        mappings.save(campaignId, List.copyOf(checked.values()), caller.displayName());
        return uploads.chooseSheet(campaignId, importId, job.sheetIndex(), caller);
    }
}
