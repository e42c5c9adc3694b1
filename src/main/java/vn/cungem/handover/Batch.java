package vn.cungem.handover;

import java.time.LocalDate;
import java.util.List;

/**
 * A handover batch as a page or the API shows it: one school's students on one day, with the devices reserved for each.
 * {@code entries} are in class and name order; a student's name is masked for a reader who does not cover the school.
 */
public record Batch(
        long id,
        long campaignId,
        long schoolId,
        String schoolName,
        long unitId,
        String unitName,
        LocalDate date,
        PlaceKind placeKind,
        String placeNote,
        List<Entry> entries) {

    /** Where the devices are given: at the school, or at each student's home. */
    public enum PlaceKind {
        SCHOOL,
        HOME;

        public String labelKey() {
            return "handover.place." + name();
        }
    }

    /**
     * One student of the batch. {@code address} and {@code guardianName} are filled only for a reader who covers the
     * student; {@code recordNumber} once the device is handed over.
     */
    public record Entry(
            long id,
            long studentId,
            String name,
            boolean masked,
            int grade,
            String className,
            String address,
            String guardianName,
            List<Device> devices,
            String recordNumber) {

        public boolean done() {
            return recordNumber != null;
        }

        public List<String> tags() {
            return devices.stream().map(Device::tag).toList();
        }
    }

    /** A device reserved for (or handed to) the student, with what goes online with it. */
    public record Device(
            long itemId,
            String tag,
            String type,
            String description,
            String serialNumber,
            String accessories,
            String status,
            List<String> connections) {}

    public long done() {
        return entries.stream().filter(Entry::done).count();
    }
}
