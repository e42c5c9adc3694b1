package vn.cungem.allocation.plans;

/** A what-if run is only looked at; a proposal may be adjusted and approved. Names: {@code allocation.plan.kind.*}. */
public enum PlanKind {
    WHAT_IF,
    PROPOSAL
}
