package vn.cungem.student;

import java.util.List;
import java.util.stream.Collectors;
import vn.cungem.shared.InvalidValueException;

/** Everything wrong with a student's details at once, so the form shows every problem beside its field. */
public class StudentInvalidException extends InvalidValueException {

    private final transient List<FieldProblem> problems;

    public StudentInvalidException(List<FieldProblem> problems) {
        super(
                "student.invalid",
                problems.stream().map(FieldProblem::messageVi).collect(Collectors.joining(" ")),
                problems.stream().map(FieldProblem::messageEn).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
