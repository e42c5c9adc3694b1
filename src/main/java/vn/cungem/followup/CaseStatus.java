package vn.cungem.followup;

import vn.cungem.shared.text.Labelled;

/**
 * A support case's life: a volunteer takes it (open → in progress) and closes it with what was done (in progress →
 * resolved). The one place that knows the legal moves.
 */
public enum CaseStatus implements Labelled {
    OPEN,
    IN_PROGRESS,
    RESOLVED;

    /** The state a case may move to from this one, or null when it is closed. */
    public CaseStatus next() {
        return switch (this) {
            case OPEN -> IN_PROGRESS;
            case IN_PROGRESS -> RESOLVED;
            case RESOLVED -> null;
        };
    }

    public boolean mayMoveTo(CaseStatus target) {
        return target != null && target == next();
    }
}
