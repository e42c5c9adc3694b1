package vn.cungem.demo.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.shared.ConflictException;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class SyntheticDataIntegrationTests {

    @Autowired
    SyntheticData data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsASmallNationWithItsClosureRowsAndSchools() {
        String prefix = TestFixtures.unique("G") + "-";
        DataGenerator generator = new DataGenerator(2021, Scale.TINY, prefix);
        SyntheticNation nation = generator.nation();

        SyntheticData.LoadResult result = data.load(nation);

        assertThat(result.units()).isEqualTo(1 + Scale.TINY.provinces + Scale.TINY.communes);
        assertThat(result.schools()).isEqualTo(Scale.TINY.schools);
        assertThat(count("select count(*) from administrative_unit where code like ?", prefix + "%"))
                .isEqualTo(result.units());
        assertThat(count("select count(*) from school where moet_code like ?", prefix + "%"))
                .isEqualTo(Scale.TINY.schools);
        String commune = nation.communes().keySet().iterator().next();
        // A commune sits at depth 2 under the root: three closure rows (itself, its province, the root).
        assertThat(count("""
                        select count(*) from unit_closure c join administrative_unit u on u.id = c.descendant_id
                         where u.code = ?""", commune)).isEqualTo(3);
        assertThat(count("""
                        select count(*) from unit_closure c
                          join administrative_unit a on a.id = c.ancestor_id
                         where a.code = ?""", generator.rootCode())).isEqualTo(result.units());
        assertThat(jdbc.sql("select name_folded from administrative_unit where code = ?")
                        .param(prefix + "79")
                        .query(String.class)
                        .single())
                .isEqualTo("thanh pho ho chi minh");
    }

    @Test
    void refusesToLoadOverExistingCodesAndWritesNothing() {
        String prefix = TestFixtures.unique("G") + "-";
        SyntheticNation nation = new DataGenerator(9, Scale.TINY, prefix).nation();
        data.load(nation);
        long units = count("select count(*) from administrative_unit where code like ?", prefix + "%");

        assertThatThrownBy(() -> data.load(nation))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(prefix);
        assertThat(count("select count(*) from administrative_unit where code like ?", prefix + "%"))
                .isEqualTo(units);
    }

    @Test
    void writesStudentsAndItemsAsUtf8Csv(@TempDir Path folder) throws Exception {
        DataGenerator generator = new DataGenerator(2021, Scale.TINY, "");
        SyntheticData.CsvResult result = data.writeCsv(generator, generator.nation(), folder);

        List<String> students = Files.readAllLines(result.students(), StandardCharsets.UTF_8);
        List<String> items = Files.readAllLines(result.items(), StandardCharsets.UTF_8);
        assertThat(students).hasSize(Scale.TINY.students + 1).first().isEqualTo(StudentRecord.HEADER);
        assertThat(items).hasSize(Scale.TINY.items + 1).first().isEqualTo(ItemRecord.HEADER);
        assertThat(result.studentCount()).isEqualTo(Scale.TINY.students);
        assertThat(String.join("\n", students)).contains("Nguyễn");
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
