package vn.cungem.handover;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import vn.cungem.campaign.Campaigns;
import vn.cungem.handover.internal.HandoverStore;
import vn.cungem.handover.internal.HandoverStore.BatchRow;
import vn.cungem.handover.internal.HandoverStore.EntryRow;
import vn.cungem.handover.internal.HandoverStore.RecordRow;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.pdf.HtmlToPdf;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;
import vn.cungem.student.StudentView;
import vn.cungem.student.Students;

/**
 * A record as its reader may see it, and printed. Readers who cover the school see the child's full name and the
 * guardian; the volunteer who made the record sees the guardian they wrote down and the child's masked name; other
 * volunteers of the unit see that a record exists, masked. The PDF follows the same rule.
 */
final class RecordViews {

    private final HandoverStore store;
    private final HandoverAccess access;
    private final Students students;
    private final Batches batches;
    private final Campaigns campaigns;
    private final TemplateEngine templates;

    RecordViews(
            HandoverStore store,
            HandoverAccess access,
            Students students,
            Batches batches,
            Campaigns campaigns,
            TemplateEngine templates) {
        this.store = store;
        this.access = access;
        this.students = students;
        this.batches = batches;
        this.campaigns = campaigns;
        this.templates = templates;
    }

    RecordView view(String number, Caller caller) {
        RecordRow r = store.recordByNumber(number).orElseThrow(() -> new NotFoundException(Records.RECORD, number));
        return view(r, caller);
    }

    RecordView view(RecordRow r, Caller caller) {
        BatchRow b = batches.row(r.batchId(), caller);
        EntryRow e = store.entry(r.entryId()).orElseThrow();
        boolean covers = access.covers(caller, b);
        boolean author = r.handedByAccountId() != null && Objects.equals(r.handedByAccountId(), caller.accountId());
        boolean guardianShown = covers || author;
        String name = e.maskedName();
        if (covers) {
            StudentView s = students.get(r.studentId(), caller);
            name = s.fullName();
        }
        Batch batch = batches.view(b, caller);
        List<RecordView.Item> items = store.items(r.id()).stream()
                .map(i -> new RecordView.Item(
                        i.itemId(),
                        i.tag(),
                        i.type(),
                        i.description(),
                        i.serialNumber(),
                        i.accessories(),
                        i.connection()))
                .toList();
        return new RecordView(
                r.id(),
                r.number(),
                b.id(),
                e.id(),
                r.studentId(),
                name,
                !covers,
                e.grade(),
                e.className(),
                b.schoolId(),
                batch.schoolName(),
                batch.unitName(),
                campaigns.nameOf(b.campaignId()),
                guardianShown ? r.guardianName() : null,
                guardianShown ? r.guardianRelation() : null,
                guardianShown ? r.guardianPhone() : null,
                r.handedByName(),
                r.handedOn(),
                r.place(),
                r.signed(),
                r.paperPhoto(),
                r.madeOffline(),
                r.madeAt(),
                r.createdAt(),
                items);
    }

    Optional<byte[]> signature(String number, Caller caller) {
        RecordView v = view(number, caller);
        if (v.guardianName() == null) {
            return Optional.empty();
        }
        return store.signature(v.id());
    }

    byte[] pdf(String number, Caller caller, Locale locale) {
        RecordView v = view(number, caller);
        Map<String, Object> model = new HashMap<>();
        model.put("r", v);
        model.put("handedOn", v.handedOn().format(Texts.DATE));
        model.put("day", v.handedOn().getDayOfMonth());
        model.put("month", v.handedOn().getMonthValue());
        model.put("year", v.handedOn().getYear());
        model.put(
                "types",
                v.items().stream()
                        .map(i -> Bundles.vi("label.ItemType." + i.type()))
                        .toList());
        String sig = v.guardianName() == null
                ? null
                : store.signature(v.id())
                        .map(png ->
                                "data:image/png;base64," + Base64.getEncoder().encodeToString(png))
                        .orElse(null);
        model.put("signature", sig);
        // the record is an official paper in Vietnamese (Nghị định 30/2020: thể thức văn bản), whatever the reader
        // reads
        return HtmlToPdf.render(templates.process("pdf/handover-record", new Context(Bundles.VIETNAMESE, model)));
    }
}
