package vn.cungem.handover;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import vn.cungem.handover.internal.HandoverStore;
import vn.cungem.handover.internal.HandoverStore.BatchRow;
import vn.cungem.handover.internal.HandoverStore.EntryRow;
import vn.cungem.handover.internal.HandoverStore.ItemRow;
import vn.cungem.handover.internal.HandoverStore.RecordRow;
import vn.cungem.inventory.ItemConnectivity;
import vn.cungem.inventory.Reservations;
import vn.cungem.inventory.Reservations.Holding;
import vn.cungem.organisation.School;
import vn.cungem.organisation.SchoolDirectory;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.security.Caller;

/**
 * Recording one student's handover: the tags scanned must be the devices reserved for that student (a wrong tag is
 * refused and nothing is written), each device moves to "handed over" in inventory, the record and its devices are
 * stored with the signature or the photo of the signed paper, and {@link DeviceHandedOver} is published once per
 * device, all in the caller's transaction. The phone's idempotency key is the record's: the same key answers the record
 * already stored. The server is the one place that decides conflicts: a device no longer reserved for the student
 * (re-assigned while the phone was offline) is a 409 the phone shows, never a silent loss.
 */
final class Records {

    static final String RECORD = "handover_record";
    static final int SIGNATURE_MAX = 300 * 1024;
    static final int PHOTO_MAX = 5 * 1024 * 1024;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final HandoverStore store;
    private final HandoverAccess access;
    private final Reservations reservations;
    private final ItemConnectivity connectivity;
    private final Consumer<Object> events;
    private final SchoolDirectory schools;

    Records(
            HandoverStore store,
            HandoverAccess access,
            Reservations reservations,
            ItemConnectivity connectivity,
            Consumer<Object> events,
            SchoolDirectory schools) {
        this.store = store;
        this.schools = schools;
        this.access = access;
        this.reservations = reservations;
        this.connectivity = connectivity;
        this.events = events;
    }

    /** The record already stored under this key, if any (a retry, a second sync). */
    java.util.Optional<RecordRow> earlier(String key, long entryId) {
        return store.recordByKey(key).map(r -> {
            if (r.entryId() != entryId) {
                throw InvalidValueException.of("handover.key-reused", "handover.error.key-reused");
            }
            return r;
        });
    }

    /**
     * How far ahead of the server's clock a phone's clock may be: phones set their time from the network, a few minutes
     * off at worst; a record "made" later than that was not made yet.
     */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(10);

    RecordRow record(long entryId, NewRecord input, String key, Caller caller, OffsetDateTime now) {
        var earlier = earlier(key, entryId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        EntryRow entry = store.entry(entryId).orElseThrow(() -> new NotFoundException(RECORD, entryId));
        BatchRow batch = store.batch(entry.batchId()).orElseThrow();
        access.requireHandsOver(caller, batch);
        store.recordOfEntry(entryId).ifPresent(r -> {
            throw ConflictException.of("handover.already-recorded", "handover.error.already-recorded", r.number());
        });
        String guardian = Texts.required(input.guardianName(), 200, "handover.field.guardian");
        String relation = Texts.required(input.guardianRelation(), 60, "handover.field.relation");
        String phone = input.guardianPhone() == null || input.guardianPhone().isBlank()
                ? null
                : PhoneNumber.parse(input.guardianPhone()).national();
        String place = Texts.optional(input.place(), 300, "handover.field.place");
        byte[] signature = signature(input.signature());
        String photoType = photoType(input.photo(), input.photoType());
        if (signature == null && photoType == null) {
            throw InvalidValueException.of("handover.unsigned", "handover.error.unsigned");
        }
        OffsetDateTime madeAt = madeAt(input.madeAt(), batch, now);
        LocalDate handedOn = madeAt.atZoneSameInstant(Texts.VIETNAM).toLocalDate();
        List<Holding> devices = devicesFor(entry, batch, input.tags());
        long id = store.insertRecord(new HandoverStore.NewRecordRow(
                entryId,
                batch.id(),
                entry.studentId(),
                key,
                guardian,
                relation,
                phone,
                caller.accountId(),
                caller.displayName(),
                handedOn,
                place == null ? defaultPlace(batch) : place,
                signature,
                photoType == null ? null : input.photo(),
                photoType,
                input.madeOffline(),
                madeAt,
                now));
        RecordRow stored = store.recordByKey(key).orElseThrow();
        for (Holding h : devices) {
            // the inventory's own key per device: its retry answers the first move and writes nothing
            reservations.handOver(h.tag(), entry.studentId(), stored.number(), key + "/" + h.itemId(), caller);
            String connection = connectivity.of(h.itemId()).stream()
                    .map(Batches::connection)
                    .collect(Collectors.joining("\n"));
            store.insertItem(
                    id,
                    new ItemRow(
                            h.itemId(),
                            h.tag(),
                            h.type().name(),
                            h.description(),
                            h.serialNumber(),
                            h.accessories(),
                            connection.isEmpty() ? null : connection));
            if (h.type().isDevice()) {
                // follow-up checks the device; the SIM or Wi-Fi device that went with it comes back with it
                events.accept(new DeviceHandedOver(
                        id, batch.campaignId(), entry.studentId(), batch.schoolId(), h.itemId(), h.tag(), handedOn));
            }
        }
        return stored;
    }

    /**
     * When the handover happened: the phone's time for a record queued without signal (it may arrive days later), else
     * now. A time ahead of the server's clock by more than {@link #CLOCK_SKEW}, or before the batch was scheduled, is a
     * phone whose clock is wrong: refused with a message rather than a record dated on the wrong day.
     */
    static OffsetDateTime madeAt(OffsetDateTime claimed, BatchRow batch, OffsetDateTime now) {
        if (claimed == null) {
            return now;
        }
        if (claimed.isAfter(now.plus(CLOCK_SKEW))) {
            throw InvalidValueException.of(
                    "handover.made-in-future",
                    "handover.error.made-in-future",
                    claimed.atZoneSameInstant(Texts.VIETNAM).format(Texts.DATE_TIME));
        }
        if (claimed.isBefore(batch.createdAt().minus(CLOCK_SKEW))) {
            throw InvalidValueException.of(
                    "handover.made-before-batch",
                    "handover.error.made-before-batch",
                    claimed.atZoneSameInstant(Texts.VIETNAM).format(Texts.DATE_TIME),
                    batch.createdAt().atZoneSameInstant(Texts.VIETNAM).format(Texts.DATE_TIME));
        }
        return claimed;
    }

    /**
     * The devices the scanned tags name, each one reserved for this student in this campaign. A tag that names no device
     * is a wrong tag (400); a device that is not (or no longer) reserved for this student is a conflict (409): someone
     * re-assigned it, or it is another child's.
     */
    private List<Holding> devicesFor(EntryRow entry, BatchRow batch, List<String> rawTags) {
        Set<String> tags = new LinkedHashSet<>();
        for (String t : rawTags == null ? List.<String>of() : rawTags) {
            if (t != null && !t.isBlank()) {
                tags.add(t.strip().toUpperCase(Locale.ROOT));
            }
        }
        if (tags.isEmpty()) {
            throw InvalidValueException.of("handover.no-tag", "handover.error.no-tag");
        }
        Map<String, Holding> held = reservations.heldBy(List.of(entry.studentId())).stream()
                .filter(h -> h.campaignId() == batch.campaignId() && Texts.reserved(h))
                .collect(Collectors.toMap(Holding::tag, h -> h));
        List<Holding> chosen = new ArrayList<>();
        for (String tag : tags) {
            Holding h = held.get(tag);
            if (h == null) {
                if (reservations.byTag(tag).isEmpty()) {
                    throw InvalidValueException.of("handover.wrong-tag", "handover.error.wrong-tag", tag);
                }
                throw ConflictException.of("handover.not-for-student", "handover.error.not-for-student", tag);
            }
            chosen.add(h);
        }
        // one record per student: a SIM alone would leave the student's device stranded without a record to go on
        if (chosen.stream().noneMatch(h -> h.type().isDevice())) {
            held.values().stream().filter(h -> h.type().isDevice()).findFirst().ifPresent(d -> {
                throw InvalidValueException.of("handover.scan-device", "handover.error.scan-device", d.tag());
            });
        }
        // a SIM or Wi-Fi device reserved with a device goes with it on the same record, scanned or not (issue 14)
        for (Holding device : List.copyOf(chosen)) {
            for (Holding with : reservations.companions(device)) {
                if (chosen.stream().noneMatch(c -> c.itemId() == with.itemId())) {
                    chosen.add(with);
                }
            }
        }
        return chosen;
    }

    /** Where the record says it was made when the phone sent no place: the batch's note, the school, or the home. */
    private String defaultPlace(BatchRow batch) {
        if (batch.placeNote() != null) {
            return batch.placeNote();
        }
        if ("HOME".equals(batch.placeKind())) {
            return vn.cungem.shared.text.Bundles.vi("handover.place.home-of");
        }
        return schools.find(batch.schoolId()).map(School::name).orElseThrow();
    }

    /** A signature drawn on the phone: a PNG data URI of reasonable size, or nothing. */
    static byte[] signature(String dataUri) {
        if (dataUri == null || dataUri.isBlank()) {
            return null;
        }
        String prefix = "data:image/png;base64,";
        byte[] png;
        try {
            png = dataUri.startsWith(prefix) ? Base64.getDecoder().decode(dataUri.substring(prefix.length())) : null;
        } catch (IllegalArgumentException e) {
            png = null;
        }
        if (png == null || !startsWith(png, PNG)) {
            throw InvalidValueException.of("handover.signature-invalid", "handover.error.signature-invalid");
        }
        if (png.length > SIGNATURE_MAX) {
            throw InvalidValueException.of("handover.signature-large", "handover.error.signature-large");
        }
        return png;
    }

    /** The photo's type read from its first bytes (a file's name or declared type can lie), or null for no photo. */
    static String photoType(byte[] photo, String declared) {
        if (photo == null || photo.length == 0) {
            return null;
        }
        if (photo.length > PHOTO_MAX) {
            throw InvalidValueException.of(
                    "handover.photo-large", "handover.error.photo-large", PHOTO_MAX / 1024 / 1024);
        }
        if (startsWith(photo, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(photo, PNG)) {
            return "image/png";
        }
        throw InvalidValueException.of("handover.photo-type", "handover.error.photo-type");
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
