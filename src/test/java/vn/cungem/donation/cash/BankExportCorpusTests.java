package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.text.VietnameseText;

/**
 * Issue 11: the bank corpus ({@code src/test/resources/import-corpus/banks}), exports of the main Vietnamese banks as
 * their internet banking writes them, each with a truth file saying which rows are transactions (with their date,
 * amounts, reference and description), which are skipped (balances, totals, signatures) and which must be flagged.
 * Every file is read and scored; the table printed is the one kept in {@code docs/import-corpus.md} (section "Bank
 * exports"). The bar: at least 98% of the transactions read right, every bad row flagged, no balance or total row read as a transaction,
 * and the bank recognised from the file.
 */
class BankExportCorpusTests {

    private record Truth(String bank, List<Expected> rows) {}

    private record Expected(
            int row, String outcome, LocalDate date, long debit, long credit, String reference, String description) {}

    private record Score(
            String file,
            String bank,
            String recognised,
            int transactions,
            int readRight,
            int summaries,
            int skippedRight,
            int falseTransactions,
            int bad,
            int flagged) {}

    @Test
    void readsEveryBankExportOfTheCorpusToTheBar() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/import-corpus/banks").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(
                            p -> p.toString().endsWith(".xlsx") || p.toString().endsWith(".csv"))
                    .filter(p -> !p.toString().endsWith(".truth.csv"))
                    .sorted()
                    .toList();
        }
        assertThat(files).as("bank exports in the corpus").hasSizeGreaterThanOrEqualTo(15);
        List<Score> scores = new ArrayList<>();
        for (Path file : files) {
            scores.add(score(file, truth(file)));
        }
        print(scores);

        int transactions = scores.stream().mapToInt(Score::transactions).sum();
        int readRight = scores.stream().mapToInt(Score::readRight).sum();
        assertThat(readRight).as("transactions read right, of %d", transactions).isGreaterThanOrEqualTo((int)
                Math.ceil(transactions * 0.98));
        assertThat(scores).allSatisfy(s -> {
            assertThat(s.falseTransactions())
                    .as("%s: rows read as transactions that are none", s.file())
                    .isZero();
            assertThat(s.flagged()).as("%s: bad rows flagged", s.file()).isEqualTo(s.bad());
            assertThat(s.skippedRight())
                    .as("%s: balance and total rows skipped", s.file())
                    .isEqualTo(s.summaries());
            assertThat(s.recognised()).as("%s: bank recognised", s.file()).isEqualTo(s.bank());
        });
        assertThat(scores.stream().map(s -> s.file().replaceAll("-.*", "")).distinct())
                .as("banks covered")
                .contains(
                        "vietcombank",
                        "vietinbank",
                        "bidv",
                        "agribank",
                        "techcombank",
                        "mb",
                        "acb",
                        "sacombank",
                        "tpbank");
    }

    private static Score score(Path file, Truth truth) throws IOException {
        byte[] content = Files.readAllBytes(file);
        List<Expected> transactions = truth.rows().stream()
                .filter(e -> e.outcome().equals("TRANSACTION"))
                .toList();
        List<Expected> summaries =
                truth.rows().stream().filter(e -> e.outcome().equals("SKIPPED")).toList();
        List<Integer> bad = truth.rows().stream()
                .filter(e -> e.outcome().equals("ERROR"))
                .map(Expected::row)
                .toList();
        String name = file.getFileName().toString();
        StatementParser.Parsed parsed;
        try {
            parsed = StatementParser.read(content, StatementParser.Remembered.NONE);
        } catch (StatementRejectedException e) {
            // a file with bad rows is refused as a whole, naming exactly those rows
            List<Integer> lines = e.problems().stream()
                    .map(StatementRejectedException.LineProblem::line)
                    .toList();
            int flagged = (int) bad.stream().filter(lines::contains).count();
            boolean onlyBad = bad.containsAll(lines) && !bad.isEmpty();
            return new Score(
                    name,
                    truth.bank(),
                    onlyBad ? truth.bank() : "refused: " + e.messageEn(),
                    transactions.size(),
                    onlyBad ? transactions.size() : 0,
                    summaries.size(),
                    onlyBad ? summaries.size() : 0,
                    0,
                    bad.size(),
                    flagged);
        }
        Map<Integer, StatementLine> byRow = new HashMap<>();
        parsed.lines().forEach(l -> byRow.put(l.row(), l));
        int right = 0;
        for (Expected e : transactions) {
            StatementLine l = byRow.get(e.row());
            if (l != null
                    && l.bookedOn().equals(e.date())
                    && l.debit().vnd() == e.debit()
                    && l.credit().vnd() == e.credit()
                    && (e.reference().isEmpty() || e.reference().equals(l.reference()))
                    && VietnameseText.tidy(e.description()).equals(l.description())) {
                right++;
            } else {
                System.out.println(name + " row " + e.row() + ": expected " + e + ", read " + l);
            }
        }
        int skippedRight = (int) summaries.stream()
                .filter(e -> !byRow.containsKey(e.row()) && parsed.skipped().contains(e.row()))
                .count();
        int falseTransactions = (int) parsed.lines().stream()
                .filter(l -> transactions.stream().noneMatch(e -> e.row() == l.row()))
                .count();
        return new Score(
                name,
                truth.bank(),
                parsed.identity().bank(),
                transactions.size(),
                right,
                summaries.size(),
                skippedRight,
                falseTransactions,
                bad.size(),
                0);
    }

    private static Truth truth(Path file) throws IOException {
        Path path = file.resolveSibling(file.getFileName().toString().replaceAll("\\.(xlsx|csv)$", "") + ".truth.csv");
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        String bank = lines.get(0).split(";", -1)[1];
        List<Expected> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] f = line.split(";", 7);
            rows.add(new Expected(
                    Integer.parseInt(f[0]),
                    f[1],
                    f[2].isEmpty() ? null : LocalDate.parse(f[2]),
                    f[3].isEmpty() ? 0 : Long.parseLong(f[3]),
                    f[4].isEmpty() ? 0 : Long.parseLong(f[4]),
                    f[5],
                    f[6]));
        }
        return new Truth(bank, rows);
    }

    private static void print(List<Score> scores) {
        StringBuilder out = new StringBuilder(
                "\n| File | Bank | Recognised | Transactions | Read right | Balance/total rows"
                        + " | Skipped | Read as transaction | Bad rows | Flagged |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Score s : scores) {
            out.append(String.format(
                    "| %s | %s | %s | %d | %d | %d | %d | %d | %d | %d |%n",
                    s.file(),
                    s.bank(),
                    s.recognised(),
                    s.transactions(),
                    s.readRight(),
                    s.summaries(),
                    s.skippedRight(),
                    s.falseTransactions(),
                    s.bad(),
                    s.flagged()));
        }
        int t = scores.stream().mapToInt(Score::transactions).sum();
        int r = scores.stream().mapToInt(Score::readRight).sum();
        out.append(String.format(
                "| **all %d files** | | %d recognised | %d | %d (%.1f%%) | %d | %d | %d | %d | %d |%n",
                scores.size(),
                scores.stream().filter(s -> s.bank().equals(s.recognised())).count(),
                t,
                r,
                100.0 * r / t,
                scores.stream().mapToInt(Score::summaries).sum(),
                scores.stream().mapToInt(Score::skippedRight).sum(),
                scores.stream().mapToInt(Score::falseTransactions).sum(),
                scores.stream().mapToInt(Score::bad).sum(),
                scores.stream().mapToInt(Score::flagged).sum()));
        System.out.println(out);
    }
}
