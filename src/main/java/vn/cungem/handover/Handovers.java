package vn.cungem.handover;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.Campaigns;
import vn.cungem.handover.internal.HandoverStore;
import vn.cungem.handover.internal.HandoverStore.RecordRow;
import vn.cungem.inventory.ItemConnectivity;
import vn.cungem.inventory.Reservations;
import vn.cungem.organisation.SchoolDirectory;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.Students;

/**
 * What people and other modules do with handovers: schedule a school's batch for a day, read today's list, record a
 * handover (idempotent by the phone's key), read and print the record. The façade holds the transactions; the use cases
 * are {@link Batches}, {@link Records} and {@link RecordViews}, all asking {@link HandoverAccess}.
 */
@Service
public class Handovers {

    private final HandoverStore store;
    private final Batches batches;
    private final Records records;
    private final RecordViews views;
    private final TransactionTemplate tx;

    Handovers(
            HandoverStore store,
            Students students,
            Reservations reservations,
            ItemConnectivity connectivity,
            SchoolDirectory schools,
            UnitDirectory units,
            UnitScopes scopes,
            Campaigns campaigns,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            org.thymeleaf.TemplateEngine templates) {
        this.store = store;
        HandoverAccess access = new HandoverAccess(students, scopes);
        this.batches = new Batches(store, access, students, reservations, connectivity, schools, units, campaigns);
        this.records = new Records(store, access, reservations, connectivity, events::publishEvent, schools);
        this.views = new RecordViews(store, access, students, batches, campaigns, templates);
        this.tx = tx;
    }

    /** Today in Vietnam, whatever the server's zone: the day a batch is for and a record is dated. */
    public static LocalDate today() {
        return LocalDate.now(Texts.VIETNAM);
    }

    /** Schedules the school's students with a reserved device (not yet in a batch) for a day; returns the batch's id. */
    public long createBatch(NewBatch command, Caller caller) {
        return tx.execute(s -> batches.create(command, caller, today()));
    }

    public Batch batch(long id, Caller caller) {
        return tx.execute(s -> batches.view(id, caller));
    }

    /** The batches of today that the caller may see: a volunteer's list for the day. */
    public List<Batch> today(Caller caller) {
        return tx.execute(s -> batches.visible(today(), true, caller).stream()
                .map(b -> batches.view(b, caller))
                .toList());
    }

    /** The batches from today on that the caller may see. */
    public List<Batch> upcoming(Caller caller) {
        return tx.execute(s -> batches.visible(today(), false, caller).stream()
                .map(b -> batches.view(b, caller))
                .toList());
    }

    /** The batch that holds a student's entry, as its reader may see it. */
    public Batch batchOfEntry(long entryId, Caller caller) {
        long batchId = store.entry(entryId)
                .orElseThrow(() -> new NotFoundException(Records.RECORD, entryId))
                .batchId();
        return batch(batchId, caller);
    }

    /**
     * Records a handover. The same {@code idempotencyKey} answers the record already stored (a retry, the phone's second
     * sync), even when two arrive at the same moment: the key is unique in the database, and the loser reads the
     * winner's record.
     */
    public RecordView record(long entryId, NewRecord input, String idempotencyKey, Caller caller) {
        String key = Texts.required(idempotencyKey, 100, "handover.field.key");
        RecordRow stored;
        try {
            stored = tx.execute(s -> records.record(entryId, input, key, caller, java.time.OffsetDateTime.now()));
        } catch (DuplicateKeyException sameKeyAtOnce) {
            stored = tx.execute(s -> records.earlier(key, entryId)).orElseThrow(() -> sameKeyAtOnce);
        }
        RecordRow r = stored;
        return tx.execute(s -> views.view(r, caller));
    }

    public RecordView recordView(String number, Caller caller) {
        return tx.execute(s -> views.view(number, caller));
    }

    /** The records of a batch, as the reader may see them. */
    public List<RecordView> records(long batchId, Caller caller) {
        return tx.execute(s -> {
            batches.row(batchId, caller);
            return store.recordsOfBatch(batchId).stream()
                    .map(r -> views.view(r, caller))
                    .toList();
        });
    }

    /** The printable record: the official Vietnamese layout, in Vietnamese whatever the reader's language. */
    public byte[] pdf(String number, Caller caller, Locale locale) {
        return tx.execute(s -> views.pdf(number, caller, locale));
    }

    /** The signature drawn on the phone (PNG), for readers who may see the record's guardian. */
    public Optional<byte[]> signature(String number, Caller caller) {
        return tx.execute(s -> views.signature(number, caller));
    }
}
