package vn.cungem.student;

import java.util.List;

/**
 * The outcome of checking one student: the details and their priority when nothing is an ERROR (warnings may remain),
 * otherwise only the problems.
 */
public record Validated(StudentDetails details, PriorityScore priority, List<FieldProblem> problems) {

    public Validated {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return details != null;
    }

    public List<FieldProblem> errors() {
        return problems.stream().filter(FieldProblem::isError).toList();
    }

    public List<FieldProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
