package vn.cungem.donation;

import java.util.List;
import java.util.stream.Collectors;
import vn.cungem.shared.InvalidValueException;

/** Everything wrong with a pledge, a donor or a collection point at once, so a form can show all problems together. */
public class DonationInvalidException extends InvalidValueException {

    private final transient List<FieldProblem> problems;

    public DonationInvalidException(List<FieldProblem> problems) {
        super(
                "donation.invalid",
                problems.stream().map(FieldProblem::messageVi).collect(Collectors.joining(" ")),
                problems.stream().map(FieldProblem::messageEn).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    /** A single problem, worded by the bundles' {@code key} (see {@link FieldProblem#of}). */
    public static DonationInvalidException of(String field, String code, String key, Object... args) {
        return new DonationInvalidException(List.of(FieldProblem.of(field, code, key, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
