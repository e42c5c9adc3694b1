package vn.cungem.organisation.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cungem.organisation.ImportReport.Line;
import vn.cungem.organisation.Level;
import vn.cungem.organisation.UnitRow;
import vn.cungem.organisation.importing.ImportPlanner.Existing;

class ImportPlannerTests {

    static final Map<String, Level> LEVELS = Map.of(
            "province", new Level("province", 1, "Tỉnh", "Province"),
            "district", new Level("district", 2, "Huyện", "District"),
            "commune", new Level("commune", 3, "Xã", "Commune"));

    @Test
    void addsNewCodesParentsFirstAndFoldsRepeatedProvinces() {
        List<UnitRow> rows = List.of(
                new UnitRow(2, "00001", "Phúc Xá", "commune", "001"),
                new UnitRow(2, "001", "Ba Đình", "district", "01"),
                new UnitRow(2, "01", "Hà Nội", "province", null),
                new UnitRow(3, "01", "Hà Nội", "province", null));

        ImportPlanner.Plan plan = ImportPlanner.plan(rows, Map.of(), LEVELS);

        assertThat(plan.rejected()).isEmpty();
        assertThat(plan.toAdd()).extracting(a -> a.row().code()).containsExactly("01", "001", "00001");
    }

    @Test
    void rejectsTheSameCodeWithTwoParentsInOneFile() {
        List<UnitRow> rows = List.of(
                new UnitRow(2, "01", "Hà Nội", "province", null),
                new UnitRow(3, "02", "Hà Giang", "province", null),
                new UnitRow(4, "00001", "Phúc Xá", "commune", "01"),
                new UnitRow(5, "00001", "Phúc Xá", "commune", "02"));

        ImportPlanner.Plan plan = ImportPlanner.plan(rows, Map.of(), LEVELS);

        assertThat(plan.rejected()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(5);
            assertThat(r.reasonEn()).contains("two different parents");
            assertThat(r.reasonVi()).contains("hai đơn vị cha");
        });
    }

    @Test
    void rejectsUnknownParentsUnconfiguredLevelsAndTheChildrenOfRejectedRows() {
        List<UnitRow> rows = List.of(
                new UnitRow(2, "001", "Ba Đình", "district", "99"),
                new UnitRow(3, "00001", "Phúc Xá", "commune", "001"),
                new UnitRow(4, "02", "Hà Giang", "region", null));

        ImportPlanner.Plan plan = ImportPlanner.plan(rows, Map.of(), LEVELS);

        assertThat(plan.rejected()).extracting(r -> r.row()).containsExactly(2, 3, 4);
        assertThat(plan.toAdd()).isEmpty();
    }

    @Test
    void rejectsAParentOfEqualRank() {
        List<UnitRow> rows = List.of(
                new UnitRow(2, "001", "Ba Đình", "district", null),
                new UnitRow(3, "002", "Hoàn Kiếm", "district", "001"));

        ImportPlanner.Plan plan = ImportPlanner.plan(rows, Map.of(), LEVELS);

        assertThat(plan.rejected()).extracting(r -> r.code()).containsExactly("002");
    }

    @Test
    void reportsRenamesMovesAndUnchangedAgainstStoredUnits() {
        Map<String, Existing> stored = Map.of(
                "79", new Existing(1, "79", "TP Hồ Chí Minh", "province", null),
                "769", new Existing(2, "769", "Quận 2", "district", "79"),
                "26734", new Existing(3, "26734", "Phường Linh Trung", "commune", "769"),
                "26737", new Existing(4, "26737", "Phường Linh Chiểu", "commune", "769"));
        List<UnitRow> rows = List.of(
                new UnitRow(2, "79", "TP Hồ Chí Minh", "province", null),
                new UnitRow(3, "769", "Thành phố Thủ Đức", "district", "79"),
                new UnitRow(4, "26734", "Phường Linh Trung", "commune", "79"),
                new UnitRow(5, "26737", "Phường Linh Chiểu", "commune", "769"));

        ImportPlanner.Plan plan = ImportPlanner.plan(rows, stored, LEVELS);

        assertThat(plan.renamed()).containsExactly(new Line(3, "769", "Thành phố Thủ Đức", "Quận 2"));
        assertThat(plan.moved()).containsExactly(new Line(4, "26734", "Phường Linh Trung", "769"));
        assertThat(plan.unchanged()).extracting(Line::code).containsExactly("79", "26737");
        assertThat(plan.toAdd()).isEmpty();
    }

    @Test
    void rejectsAMoveUnderOneOfTheUnitsOwnDescendants() {
        Map<String, Existing> stored = Map.of(
                "001", new Existing(1, "001", "A", "district", null),
                "00001", new Existing(2, "00001", "B", "commune", "001"));
        List<UnitRow> rows = List.of(new UnitRow(2, "001", "A", "district", "00001"));

        ImportPlanner.Plan plan = ImportPlanner.plan(rows, stored, LEVELS);

        assertThat(plan.rejected()).hasSize(1);
        assertThat(plan.toMove()).isEmpty();
    }
}
