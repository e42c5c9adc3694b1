package vn.cungem.student;

import java.util.List;

/**
 * The outcome of registering: the student (new, or the one already registered when the request was a retry), or —
 * when likely duplicates exist and the person has not yet said "đây là học sinh khác" — no student and the candidates
 * to look at. Warnings from checking are kept to show once saved. Candidates outside the reader's scope are never
 * named: {@code likelyElsewhere} only says that one exists ("contact the district").
 */
public record Registration(
        StudentView student,
        boolean created,
        List<DuplicateCandidate> likelyDuplicates,
        List<FieldProblem> warnings,
        boolean likelyElsewhere) {

    public boolean needsConfirmation() {
        return student == null;
    }
}
