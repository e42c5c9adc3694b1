package vn.cungem.allocation.engine;

import java.util.List;
import java.util.Objects;

/** Everything one run decides from; the engine reads nothing else (no clock, no database). */
public record AllocationInput(List<Applicant> applicants, List<ReadyItem> items, Rules rules) {

    public AllocationInput {
        applicants = List.copyOf(applicants);
        items = List.copyOf(items);
        Objects.requireNonNull(rules, "rules");
    }
}
