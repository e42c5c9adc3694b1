package vn.cungem.allocation.engine;

import java.util.ArrayList;
import java.util.List;

/** Collects a run's decisions in the order they are taken: district by district, rank by rank. */
final class PlanBuilder {

    private final List<Assignment> assignments = new ArrayList<>();
    private final List<StudentNote> notes = new ArrayList<>();
    private final List<ItemNote> unused = new ArrayList<>();

    void served(Claimants claims, int c, ReadyItem item, Why why) {
        Applicant student = claims.recipient[c];
        assignments.add(new Assignment(item.id(), student.id(), item.kind(), why));
        if (claims.siblings[c] != null) {
            Why sharing = new Why(
                    Reason.SHARES_WITH_SIBLING,
                    why.districtId(),
                    why.rank(),
                    item.kind(),
                    null,
                    null,
                    null,
                    student.id(),
                    0);
            for (long sibling : claims.siblings[c]) {
                notes.add(new StudentNote(sibling, sharing));
            }
        }
    }

    void leftOut(Claimants claims, int c, Why why) {
        Applicant student = claims.recipient[c];
        notes.add(new StudentNote(student.id(), why));
        if (claims.siblings[c] != null) {
            Why household = new Why(
                    why.reason(),
                    why.districtId(),
                    why.rank(),
                    null,
                    null,
                    null,
                    why.level(),
                    student.id(),
                    why.poolDevices());
            for (long sibling : claims.siblings[c]) {
                notes.add(new StudentNote(sibling, household));
            }
        }
    }

    void connected(ReadyItem item, Applicant student, Why why) {
        assignments.add(new Assignment(item.id(), student.id(), item.kind(), why));
    }

    void note(long studentId, Why why) {
        notes.add(new StudentNote(studentId, why));
    }

    void unused(ReadyItem item, Why why) {
        unused.add(new ItemNote(item.id(), item.kind(), why));
    }

    Plan build(List<Quota> quotas) {
        return new Plan(quotas, assignments, notes, unused);
    }
}
