package vn.cungem.allocation.engine;

/**
 * A plan written as text, one decision a line, in the plan's own order: what "the same plan byte for byte" compares,
 * and a readable dump when a test fails.
 */
public final class PlanText {

    private PlanText() {}

    public static String write(Plan plan) {
        StringBuilder out =
                new StringBuilder(64 * (plan.assignments().size() + plan.notes().size()));
        for (Quota q : plan.quotas()) {
            out.append("quota ").append(q.districtId()).append(' ').append(q.kind());
            out.append(" need=").append(q.need()).append(" weight=").append(q.weight());
            out.append(" quota=").append(q.quota()).append('\n');
        }
        for (Assignment a : plan.assignments()) {
            out.append("item ")
                    .append(a.itemId())
                    .append(" -> ")
                    .append(a.studentId())
                    .append(' ')
                    .append(a.kind());
            why(out, a.why());
        }
        for (StudentNote note : plan.notes()) {
            out.append("student ").append(note.studentId());
            why(out, note.why());
        }
        for (ItemNote note : plan.unused()) {
            out.append("unused ").append(note.itemId()).append(' ').append(note.kind());
            why(out, note.why());
        }
        return out.toString();
    }

    private static void why(StringBuilder out, Why why) {
        out.append(" : ").append(why.reason()).append(" district=").append(why.districtId());
        out.append(" rank=").append(why.rank());
        out.append(" kind=").append(why.kind()).append(" distance=").append(why.distance());
        out.append(" missed=").append(why.missed()).append(" level=").append(why.level());
        out.append(" with=").append(why.relatedStudentId()).append(" devices=").append(why.poolDevices());
        out.append('\n');
    }
}
