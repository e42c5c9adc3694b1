package vn.cungem.allocation.plans;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact form of a plan's notes (issue 14, storage): one block per plan, school and sort of note, holding the
 * notes in the order shown as variable-length numbers. A national plan has about 700,000 notes; kept one row each they
 * were most of the write's time, kept as about 60,000 blocks of a few dozen bytes per note they are written in a
 * fraction of it, and a review page decodes only the school it shows. The codes below are stored: only append to them.
 */
final class PlanNotes {

    /**
     * Which notes a block holds: students left out (the exceptions a manager reviews), students served through a
     * sibling's device, served students with no SIM or Wi-Fi left, items left unused. Kept apart so that counts per
     * school are sums of block headers, with no block decoded.
     */
    enum Category {
        LEFT_OUT,
        SIBLING,
        NO_CONNECTIVITY,
        UNUSED
    }

    /** One note. {@code id}: the student (or the item, for an unused item, with its tag); 0 or null where unused. */
    record Note(
            int line,
            long id,
            String tag,
            String reason,
            int rank,
            String kind,
            String distance,
            String missed,
            String level,
            long relatedStudentId,
            int poolDevices,
            long changeId) {}

    private static final String[] REASONS = {
        "SERVED",
        "SERVED_FALLBACK",
        "CONNECTIVITY",
        "SHARES_WITH_SIBLING",
        "QUOTA_USED_UP",
        "NO_DEVICE_FOR_DISTRICT",
        "NO_SUITABLE_ITEM",
        "NO_CONNECTIVITY_LEFT",
        "NOT_NEEDED",
        "NO_SUITABLE_STUDENT",
        "NO_STUDENT_WITHOUT_INTERNET",
        "MANUAL_MOVED",
        "MANUAL_FREED"
    };
    private static final String[] KINDS = {"LAPTOP", "DESKTOP_SET", "TABLET", "SMARTPHONE", "SIM_4G", "WIFI_DEVICE"};
    private static final String[] DISTANCES = {"SAME_SCHOOL", "SAME_COMMUNE", "SAME_DISTRICT", "OTHER_DISTRICT"};
    private static final String[] LEVELS = {"PRIMARY", "LOWER_SECONDARY", "UPPER_SECONDARY"};

    private PlanNotes() {}

    /** The category a student's note belongs to: a served student's note is no exception to review. */
    static Category categoryOf(String reason) {
        return switch (reason) {
            case "SHARES_WITH_SIBLING" -> Category.SIBLING;
            case "NO_CONNECTIVITY_LEFT" -> Category.NO_CONNECTIVITY;
            case "NOT_NEEDED", "NO_SUITABLE_STUDENT", "NO_STUDENT_WITHOUT_INTERNET", "MANUAL_FREED" -> Category.UNUSED;
            default -> Category.LEFT_OUT;
        };
    }

    /** Encodes notes whose ids are at least {@code minId}. */
    static byte[] encode(List<Note> notes, long minId) {
        Out out = new Out(notes.size() * 12);
        int previousLine = 0;
        for (Note n : notes) {
            out.signed(n.line() - previousLine);
            previousLine = n.line();
            out.unsigned(n.id() - minId);
            out.unsigned(code(REASONS, n.reason()));
            out.unsigned(n.rank());
            out.unsigned(code(KINDS, n.kind()) + 1);
            out.unsigned(code(DISTANCES, n.distance()) + 1);
            out.unsigned(code(KINDS, n.missed()) + 1);
            out.unsigned(code(LEVELS, n.level()) + 1);
            out.unsigned(n.relatedStudentId());
            out.unsigned(n.poolDevices());
            out.unsigned(n.changeId());
            byte[] tag = n.tag() == null ? new byte[0] : n.tag().getBytes(StandardCharsets.UTF_8);
            out.unsigned(tag.length);
            out.write(tag, 0, tag.length);
        }
        return out.toByteArray();
    }

    static List<Note> decode(byte[] bytes, int count, long minId) {
        In in = new In(bytes);
        List<Note> notes = new ArrayList<>(count);
        int line = 0;
        for (int i = 0; i < count; i++) {
            line += (int) in.signed();
            long id = minId + in.unsigned();
            String reason = REASONS[(int) in.unsigned()];
            int rank = (int) in.unsigned();
            String kind = name(KINDS, in.unsigned());
            String distance = name(DISTANCES, in.unsigned());
            String missed = name(KINDS, in.unsigned());
            String level = name(LEVELS, in.unsigned());
            long related = in.unsigned();
            int pool = (int) in.unsigned();
            long change = in.unsigned();
            int tagLength = (int) in.unsigned();
            String tag = tagLength == 0 ? null : in.text(tagLength);
            notes.add(new Note(line, id, tag, reason, rank, kind, distance, missed, level, related, pool, change));
        }
        return notes;
    }

    private static int code(String[] names, String name) {
        if (name == null) {
            return -1;
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no stored code for " + name);
    }

    private static String name(String[] names, long codePlusOne) {
        return codePlusOne == 0 ? null : names[(int) codePlusOne - 1];
    }

    private static final class Out extends ByteArrayOutputStream {
        Out(int size) {
            super(size);
        }

        void unsigned(long v) {
            if (v < 0) {
                throw new IllegalArgumentException("negative " + v);
            }
            while ((v & ~0x7FL) != 0) {
                write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }

        void signed(long v) {
            unsigned((v << 1) ^ (v >> 63));
        }
    }

    private static final class In {
        private final byte[] bytes;
        private int at;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        long unsigned() {
            long v = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[at++];
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            return v;
        }

        long signed() {
            long v = unsigned();
            return (v >>> 1) ^ -(v & 1);
        }

        String text(int length) {
            String s = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return s;
        }
    }
}
