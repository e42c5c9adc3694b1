package vn.cungem.donation.cash;

import java.util.List;
import java.util.stream.Collectors;
import vn.cungem.shared.InvalidValueException;

/** A statement file that cannot be imported; nothing of it was written. Lists the first problems by line. */
public class StatementRejectedException extends InvalidValueException {

    /** A problem on one line of the file (line 0: the file as a whole). */
    public record LineProblem(int line, String messageVi, String messageEn) implements java.io.Serializable {}

    private final List<LineProblem> problems;

    public StatementRejectedException(List<LineProblem> problems) {
        super(
                "statement.rejected",
                "Sao kê không nhập được, chưa ghi gì: "
                        + problems.stream()
                                .map(p -> (p.line() > 0 ? "dòng " + p.line() + ": " : "") + p.messageVi())
                                .collect(Collectors.joining("; ")),
                "The statement was not imported, nothing was written: "
                        + problems.stream()
                                .map(p -> (p.line() > 0 ? "line " + p.line() + ": " : "") + p.messageEn())
                                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public static StatementRejectedException of(String messageVi, String messageEn) {
        return new StatementRejectedException(List.of(new LineProblem(0, messageVi, messageEn)));
    }

    public List<LineProblem> problems() {
        return problems;
    }
}
