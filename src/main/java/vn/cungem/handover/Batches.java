package vn.cungem.handover;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.cungem.campaign.Campaigns;
import vn.cungem.handover.internal.HandoverStore;
import vn.cungem.handover.internal.HandoverStore.BatchRow;
import vn.cungem.handover.internal.HandoverStore.EntryRow;
import vn.cungem.inventory.ItemConnectivity;
import vn.cungem.inventory.Reservations;
import vn.cungem.inventory.Reservations.Holding;
import vn.cungem.organisation.School;
import vn.cungem.organisation.SchoolDirectory;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;
import vn.cungem.student.MaskedName;
import vn.cungem.student.StudentFilter;
import vn.cungem.student.StudentPage;
import vn.cungem.student.StudentRow;
import vn.cungem.student.StudentSort;
import vn.cungem.student.StudentStatus;
import vn.cungem.student.StudentView;
import vn.cungem.student.Students;

/**
 * Scheduling a school's handovers for a day and reading a batch back: the students of the school with a device
 * reserved for them in the campaign and not yet in another batch, each with the devices and their connections.
 */
final class Batches {

    private final HandoverStore store;
    private final HandoverAccess access;
    private final Students students;
    private final Reservations reservations;
    private final ItemConnectivity connectivity;
    private final SchoolDirectory schools;
    private final UnitDirectory units;
    private final Campaigns campaigns;

    Batches(
            HandoverStore store,
            HandoverAccess access,
            Students students,
            Reservations reservations,
            ItemConnectivity connectivity,
            SchoolDirectory schools,
            UnitDirectory units,
            Campaigns campaigns) {
        this.store = store;
        this.access = access;
        this.students = students;
        this.reservations = reservations;
        this.connectivity = connectivity;
        this.schools = schools;
        this.units = units;
        this.campaigns = campaigns;
    }

    long create(NewBatch command, Caller caller, LocalDate today) {
        School school =
                schools.find(command.schoolId()).orElseThrow(() -> new NotFoundException("school", command.schoolId()));
        if (!access.covers(caller, school.id(), school.unitId())) {
            throw new NotFoundException("school", command.schoolId());
        }
        campaigns
                .find(command.campaignId())
                .orElseThrow(() -> new NotFoundException(Campaigns.ENTITY, command.campaignId()));
        if (command.date() == null || command.date().isBefore(today)) {
            throw InvalidValueException.of("handover.batch-date", "handover.batch.date");
        }
        if (command.placeKind() == null) {
            throw InvalidValueException.of("handover.batch-place", "handover.batch.place");
        }
        String note = Texts.optional(command.placeNote(), 300, "handover.field.place-note");
        Map<Long, StudentRow> approved = approvedStudents(command.campaignId(), school.id(), caller);
        Set<Long> scheduled = Set.copyOf(store.scheduledStudents(command.campaignId(), approved.keySet()));
        Set<Long> withDevice = reservations.heldBy(approved.keySet()).stream()
                .filter(h -> h.campaignId() == command.campaignId() && Texts.reserved(h))
                .map(Holding::studentId)
                .collect(Collectors.toSet());
        List<StudentRow> chosen = approved.values().stream()
                .filter(s -> withDevice.contains(s.id()) && !scheduled.contains(s.id()))
                .toList();
        if (chosen.isEmpty()) {
            throw InvalidValueException.of("handover.batch-empty", "handover.batch.empty", school.name());
        }
        long id = store.insertBatch(
                command.campaignId(),
                school.id(),
                school.unitId(),
                command.date(),
                command.placeKind().name(),
                note,
                caller.accountId(),
                caller.displayName(),
                OffsetDateTime.now());
        for (StudentRow s : chosen) {
            // what a volunteer outside the school's scope will see of the child: never more than the masked name
            String masked = s.masked() ? s.name() : MaskedName.of(s.name());
            store.insertEntry(id, s.id(), masked, s.grade(), s.className());
        }
        return id;
    }

    private Map<Long, StudentRow> approvedStudents(long campaignId, long schoolId, Caller caller) {
        Map<Long, StudentRow> found = new LinkedHashMap<>();
        String cursor = null;
        do {
            StudentPage page = students.list(
                    new StudentFilter(
                            campaignId,
                            null,
                            schoolId,
                            StudentStatus.APPROVED,
                            null,
                            null,
                            null,
                            0,
                            200,
                            StudentSort.PRIORITY,
                            cursor),
                    caller);
            page.rows().forEach(r -> found.put(r.id(), r));
            cursor = page.nextCursor();
        } while (cursor != null);
        return found;
    }

    BatchRow row(long id, Caller caller) {
        BatchRow b = store.batch(id).orElseThrow(() -> new NotFoundException(HandoverAccess.BATCH, id));
        return access.requireSees(caller, b);
    }

    Batch view(long id, Caller caller) {
        return view(row(id, caller), caller);
    }

    Batch view(BatchRow b, Caller caller) {
        boolean covers = access.covers(caller, b);
        List<EntryRow> rows = store.entries(b.id());
        Map<Long, List<Holding>> held = reservations
                .heldBy(rows.stream().map(EntryRow::studentId).toList())
                .stream()
                .filter(h -> h.campaignId() == b.campaignId())
                .collect(Collectors.groupingBy(Holding::studentId));
        Map<Long, String> numbers = store.recordsOfBatch(b.id()).stream()
                .collect(Collectors.toMap(HandoverStore.RecordRow::entryId, HandoverStore.RecordRow::number));
        List<Batch.Entry> entries = new ArrayList<>();
        for (EntryRow e : rows) {
            String name = e.maskedName();
            String address = null;
            String guardian = null;
            if (covers) {
                StudentView s = students.get(e.studentId(), caller);
                name = s.fullName();
                address = s.address();
                guardian = s.guardianName();
            }
            List<Batch.Device> devices = held.getOrDefault(e.studentId(), List.of()).stream()
                    .map(this::device)
                    .toList();
            entries.add(new Batch.Entry(
                    e.id(),
                    e.studentId(),
                    name,
                    !covers,
                    e.grade(),
                    e.className(),
                    address,
                    guardian,
                    devices,
                    numbers.get(e.id())));
        }
        School school = schools.find(b.schoolId()).orElseThrow();
        return new Batch(
                b.id(),
                b.campaignId(),
                b.schoolId(),
                school.name(),
                b.unitId(),
                units.names(List.of(b.unitId())).get(b.unitId()),
                b.date(),
                Batch.PlaceKind.valueOf(b.placeKind()),
                b.placeNote(),
                entries);
    }

    private Batch.Device device(Holding h) {
        return new Batch.Device(
                h.itemId(),
                h.tag(),
                h.type().name(),
                h.description(),
                h.serialNumber(),
                h.accessories(),
                String.valueOf(h.status()),
                connectivity.of(h.itemId()).stream().map(Batches::connection).toList());
    }

    /** A paired SIM or Wi-Fi device in one line, as the list and the record print it (in Vietnamese, the record's language). */
    static String connection(ItemConnectivity.Paired p) {
        StringBuilder s = new StringBuilder(Bundles.vi("label.ConnectionKind." + p.kind()));
        s.append(" · ").append(Bundles.vi("label.Operator." + p.operator()));
        if (p.phoneNumber() != null) {
            s.append(" · ").append(p.phoneNumber());
        }
        if (p.serial() != null) {
            s.append(" · ").append(p.serial());
        }
        if (p.allowanceGb() != null) {
            s.append(" · ")
                    .append(Bundles.vi(
                            "handover.connection.allowance",
                            p.allowanceGb().stripTrailingZeros().toPlainString()));
        }
        if (p.expiresOn() != null) {
            s.append(" · ")
                    .append(Bundles.vi(
                            "handover.connection.expires", p.expiresOn().format(Texts.DATE)));
        }
        return s.toString();
    }

    /** Batches of the day (or from the day on) that the caller may see, at most 200. */
    List<BatchRow> visible(LocalDate day, boolean onlyThatDay, Caller caller) {
        return store.batches(day, onlyThatDay, 200).stream()
                .filter(b -> access.sees(caller, b))
                .toList();
    }
}
