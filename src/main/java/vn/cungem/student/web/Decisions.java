package vn.cungem.student.web;

import java.util.List;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.Students;

/** The decision a page's button names (approve, return, reject, propose), applied to the chosen students. */
final class Decisions {

    private Decisions() {}

    static int apply(Students students, List<Long> ids, String action, String reason, Caller caller) {
        List<Long> chosen = ids == null ? List.of() : ids;
        return switch (action == null ? "" : action) {
            case "approve" -> students.approve(chosen, caller);
            case "return" -> students.returnForCorrection(chosen, reason, caller);
            case "reject" -> students.reject(chosen, reason, caller);
            case "propose" -> students.propose(chosen, caller);
            default -> throw InvalidValueException.of("student.action", "student.error.action");
        };
    }
}
