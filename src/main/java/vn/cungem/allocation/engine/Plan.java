package vn.cungem.allocation.engine;

import java.util.List;

/**
 * The engine's result. Lists are in a fixed order (quotas by district then kind; the rest by district then rank) so
 * that the same input gives the same plan, byte for byte ({@link PlanText}).
 */
public record Plan(List<Quota> quotas, List<Assignment> assignments, List<StudentNote> notes, List<ItemNote> unused) {

    public Plan {
        quotas = List.copyOf(quotas);
        assignments = List.copyOf(assignments);
        notes = List.copyOf(notes);
        unused = List.copyOf(unused);
    }

    /** Students who get nothing in this plan (a sibling sharing a device is served). */
    public List<StudentNote> leftOut() {
        return notes.stream().filter(note -> !note.why().reason().served()).toList();
    }
}
