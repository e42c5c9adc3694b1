package vn.cungem.organisation.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.organisation.ImportReport;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Property: any well-formed GSO file, in any of the accepted shapes (CSV with comma or semicolon, with or without BOM,
 * XLSX; with or without district columns; rows in any order), imported twice leaves the tree exactly as the first
 * import made it and reports every row unchanged the second time. Files come from a fixed-seed generator.
 */
@IntegrationTest
class GsoImportPropertyIntegrationTests {

    private static final String[] SYLLABLES = {
        "Thủ", "Đức", "Linh", "Trung", "Phú", "Giáo", "Nhà", "Bè", "Kiên", "Giang", "Bình", "Dương", "Hòa", "An", "Tân",
        "Phước", "Vĩnh", "Xuân", "Đông", "Tây", "Nam", "Bắc", "Long", "Thạnh", "Mỹ", "Hưng", "Quang", "Lộc"
    };

    // Codes from these ranges belong to this class only (other tests use longer or other codes).
    private static int nextProvince = 80;
    private static int nextDistrict = 800;
    private static int nextCommune = 80000;

    @Autowired
    UnitDirectory units;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    record Generated(byte[] content, Set<String> codes, int dataRows) {}

    @Test
    void importingAnyGeneratedFileTwiceChangesNothingTheSecondTime() throws IOException {
        fixtures.ensureLevels();
        Random random = new Random(20211004L);
        for (int trial = 0; trial < 6; trial++) {
            Generated file = generate(random);
            GsoFileParser.Parsed parsed = GsoFileParser.parse(file.content(), "trial" + trial);
            assertThat(parsed.rejected()).as("trial %d read errors", trial).isEmpty();

            ImportReport first = units.importRows(parsed.rows(), parsed.rejected(), Caller.SYSTEM);
            assertThat(first.rejected()).as("trial %d rejected", trial).isEmpty();
            assertThat(first.added())
                    .as("trial %d added", trial)
                    .hasSize(file.codes().size());
            List<String> treeAfterFirst = tree(file.codes());

            GsoFileParser.Parsed again = GsoFileParser.parse(file.content(), "trial" + trial);
            ImportReport second = units.importRows(again.rows(), again.rejected(), Caller.SYSTEM);

            assertThat(second.added()).as("trial %d", trial).isEmpty();
            assertThat(second.renamed()).as("trial %d", trial).isEmpty();
            assertThat(second.moved()).as("trial %d", trial).isEmpty();
            assertThat(second.rejected()).as("trial %d", trial).isEmpty();
            assertThat(second.unchanged())
                    .as("trial %d", trial)
                    .hasSize(file.codes().size());
            assertThat(tree(file.codes())).as("trial %d tree", trial).isEqualTo(treeAfterFirst);
        }
    }

    /** Every unit (code, name, level, parent code) and every closure pair, as comparable text. */
    private List<String> tree(Set<String> codes) {
        List<String> lines = new ArrayList<>();
        for (String code : new TreeSet<>(codes)) {
            lines.addAll(jdbc.sql("""
                            select u.id || '|' || u.code || '|' || u.name || '|' || u.level_code || '|' || coalesce(p.code, '-')
                            from administrative_unit u left join administrative_unit p on p.id = u.parent_id where u.code = ?""").param(code).query(String.class).list());
            lines.addAll(jdbc.sql("""
                            select a.code || '>' || d.code || ':' || c.depth from unit_closure c
                            join administrative_unit a on a.id = c.ancestor_id
                            join administrative_unit d on d.id = c.descendant_id
                            where d.code = ? order by c.depth""").param(code).query(String.class).list());
        }
        return lines;
    }

    private Generated generate(Random random) throws IOException {
        boolean districts = random.nextBoolean();
        List<String[]> rows = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        int provinces = 1 + random.nextInt(2);
        for (int p = 0; p < provinces; p++) {
            String pc = String.format("%02d", nextProvince++);
            String pn = "Tỉnh " + name(random);
            codes.add(pc);
            int ds = 1 + random.nextInt(3);
            for (int d = 0; d < ds; d++) {
                String dc = String.format("%03d", nextDistrict++);
                String dn = (random.nextBoolean() ? "Huyện " : "Quận ") + name(random);
                if (districts) {
                    codes.add(dc);
                }
                int cs = 1 + random.nextInt(5);
                for (int c = 0; c < cs; c++) {
                    String cc = String.format("%05d", nextCommune++);
                    String kind = List.of("Xã", "Phường", "Thị trấn").get(random.nextInt(3));
                    codes.add(cc);
                    rows.add(
                            districts
                                    ? new String[] {pc, pn, dc, dn, cc, kind + " " + name(random), kind}
                                    : new String[] {pc, pn, cc, kind + " " + name(random), kind});
                }
            }
        }
        Collections.shuffle(rows, random);
        String[] header = districts
                ? new String[] {"Mã TP", "Tỉnh / Thành Phố", "Mã QH", "Quận Huyện", "Mã PX", "Phường Xã", "Cấp"}
                : new String[] {"Mã tỉnh", "Tỉnh/TP", "Mã xã", "Xã/Phường", "Cấp"};
        byte[] content = random.nextInt(3) == 0 ? xlsx(header, rows) : csv(header, rows, random);
        return new Generated(content, codes, rows.size());
    }

    private static String name(Random random) {
        return SYLLABLES[random.nextInt(SYLLABLES.length)] + " " + SYLLABLES[random.nextInt(SYLLABLES.length)];
    }

    private static byte[] csv(String[] header, List<String[]> rows, Random random) {
        String delimiter = random.nextBoolean() ? "," : ";";
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
        text.append(String.join(delimiter, header)).append(random.nextBoolean() ? "\r\n" : "\n");
        for (String[] row : rows) {
            List<String> cells = new ArrayList<>();
            for (String cell : row) {
                cells.add(random.nextInt(4) == 0 ? "\"" + cell + "\"" : cell);
            }
            text.append(String.join(delimiter, cells)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(String[] header, List<String[]> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("DVHC");
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).length; c++) {
                ws.value(r + 1, c, rows.get(r)[c]);
            }
        }
        wb.finish();
        return out.toByteArray();
    }
}
