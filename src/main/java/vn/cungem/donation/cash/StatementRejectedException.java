package vn.cungem.donation.cash;

import java.util.List;
import java.util.stream.Collectors;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.Bundles;

/** A statement file that cannot be imported; nothing of it was written. Lists the first problems by line. */
public class StatementRejectedException extends InvalidValueException {

    /** A problem on one line of the file (line 0: the file as a whole). */
    public record LineProblem(int line, String messageVi, String messageEn) implements java.io.Serializable {

        /** The problem worded by the bundles' {@code key}. */
        static LineProblem of(int line, String key, Object... args) {
            return new LineProblem(line, Bundles.vi(key, args), Bundles.en(key, args));
        }
    }

    private final List<LineProblem> problems;

    public StatementRejectedException(List<LineProblem> problems) {
        this("statement.rejected", problems);
    }

    protected StatementRejectedException(String code, List<LineProblem> problems) {
        super(
                code,
                Bundles.vi(
                        "banks.rejected",
                        problems.stream()
                                .map(p -> p.line() > 0
                                        ? Bundles.vi("banks.rejected.line", p.line(), p.messageVi())
                                        : p.messageVi())
                                .collect(Collectors.joining("; "))),
                Bundles.en(
                        "banks.rejected",
                        problems.stream()
                                .map(p -> p.line() > 0
                                        ? Bundles.en("banks.rejected.line", p.line(), p.messageEn())
                                        : p.messageEn())
                                .collect(Collectors.joining("; "))));
        this.problems = List.copyOf(problems);
    }

    public static StatementRejectedException of(String messageVi, String messageEn) {
        return new StatementRejectedException(List.of(new LineProblem(0, messageVi, messageEn)));
    }

    /** The file refused as a whole, worded by the bundles' {@code key}. */
    static StatementRejectedException ofKey(String key, Object... args) {
        return new StatementRejectedException(List.of(LineProblem.of(0, key, args)));
    }

    public List<LineProblem> problems() {
        return problems;
    }
}
