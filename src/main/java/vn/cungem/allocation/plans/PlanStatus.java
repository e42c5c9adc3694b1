package vn.cungem.allocation.plans;

/** Names: {@code allocation.plan.status.*}. */
public enum PlanStatus {
    DRAFT,
    APPROVED,
    WITHDRAWN
}
