package vn.cungem.donation.cash;

import java.util.ArrayList;
import java.util.List;
import vn.cungem.donation.cash.StatementColumns.Column;

/**
 * A statement whose header is unsure or unknown: nothing is imported until a person says what each column holds. It
 * carries what they need to decide, each column with its header text, a few sample values and the field it was taken
 * for; the import job keeps it as its columns to confirm.
 */
public class StatementColumnsToConfirm extends StatementRejectedException {

    public static final String CODE = "statement.columns-to-confirm";

    /** The length of {@code statement_import_job.columns_to_confirm} (V170), with room to spare. */
    static final int MAX_TEXT = 19_000;

    /** One column of the file: its header, up to three values below it, the field proposed (null: none) and whether sure. */
    public record ProposedColumn(int index, String header, List<String> samples, String field, boolean sure)
            implements java.io.Serializable {}

    /**
     * What the person confirms: the bank and account recognised (either may be null), the header's last row, the
     * layout's signature (how a remembered mapping is found again) and the columns.
     */
    public record Proposal(String bank, String account, int headerRow, String signature, List<ProposedColumn> columns)
            implements java.io.Serializable {

        /** One line of tab-separated fields per column, after a first line for the file, as the job row stores it. */
        String text() {
            StringBuilder out = new StringBuilder();
            out.append(flat(bank))
                    .append('\t')
                    .append(flat(account))
                    .append('\t')
                    .append(headerRow)
                    .append('\t')
                    // whole: the remembered mapping is found again by it (folded letters, digits, "=" and ";" only)
                    .append(signature == null ? "" : signature)
                    .append('\n');
            for (ProposedColumn c : columns) {
                StringBuilder line = new StringBuilder()
                        .append(c.index())
                        .append('\t')
                        .append(flat(c.field()))
                        .append('\t')
                        .append(c.sure())
                        .append('\t')
                        .append(flat(c.header()));
                for (String s : c.samples()) {
                    line.append('\t').append(flat(s));
                }
                // a sheet padded with hundreds of headed columns keeps the ones that fit the job's column (V170)
                if (out.length() + line.length() >= MAX_TEXT) {
                    break;
                }
                out.append(line).append('\n');
            }
            return out.toString();
        }

        static Proposal parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String[] lines = text.split("\n");
            String[] file = lines[0].split("\t", -1);
            List<ProposedColumn> columns = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split("\t", -1);
                if (f.length < 4) {
                    continue;
                }
                List<String> samples = new ArrayList<>();
                for (int s = 4; s < f.length; s++) {
                    samples.add(f[s]);
                }
                columns.add(new ProposedColumn(
                        Integer.parseInt(f[0]),
                        f[3],
                        List.copyOf(samples),
                        blankToNull(f[1]),
                        Boolean.parseBoolean(f[2])));
            }
            return new Proposal(
                    blankToNull(file[0]),
                    blankToNull(file[1]),
                    Integer.parseInt(file[2]),
                    file.length > 3 ? file[3] : "",
                    List.copyOf(columns));
        }

        private static String flat(String s) {
            if (s == null) {
                return "";
            }
            String one = s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
            return one.length() > 100 ? one.substring(0, 100) : one;
        }

        private static String blankToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }

    private final Proposal proposal;

    StatementColumnsToConfirm(Proposal proposal) {
        super(CODE, List.of(LineProblem.of(0, "banks.confirm")));
        this.proposal = proposal;
    }

    public Proposal proposal() {
        return proposal;
    }

    /** The proposal in the making: the header's columns, with samples gathered from the rows below. */
    static final class Gathering {
        static final int SAMPLES = 3;
        private final String bank;
        private final String account;
        private final int headerRow;
        private final String signature;
        private final List<ColumnDraft> drafts = new ArrayList<>();
        private int rows;

        private record ColumnDraft(int index, String header, Column field, boolean sure, List<String> samples) {}

        Gathering(StatementBanks.Identity identity, int headerRow, String signature) {
            this.bank = identity.bank();
            this.account = identity.account();
            this.headerRow = headerRow;
            this.signature = signature;
        }

        void column(int index, String header, Column field, boolean sure) {
            drafts.add(new ColumnDraft(index, header, field, sure, new ArrayList<>()));
        }

        int rows() {
            return rows;
        }

        /** Takes a row's values as samples; true once enough rows were seen. */
        boolean sample(List<String> cells) {
            for (ColumnDraft d : drafts) {
                String v = d.index() < cells.size() ? cells.get(d.index()) : null;
                d.samples().add(v == null ? "" : v.strip());
            }
            return ++rows >= SAMPLES;
        }

        StatementColumnsToConfirm done() {
            List<ProposedColumn> columns = drafts.stream()
                    .map(d -> new ProposedColumn(
                            d.index(),
                            d.header(),
                            List.copyOf(d.samples()),
                            d.field() == null || d.field() == Column.NUMBER
                                    ? null
                                    : d.field().name(),
                            d.sure()))
                    .toList();
            return new StatementColumnsToConfirm(new Proposal(bank, account, headerRow, signature, columns));
        }
    }
}
