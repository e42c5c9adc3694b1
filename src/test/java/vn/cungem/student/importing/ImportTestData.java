package vn.cungem.student.importing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.testsupport.TestFixtures;

/** A campaign with the source documents' priority categories, and student lists to import into it. */
final class ImportTestData {

    static final String[] HEADERS = {
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Số định danh cá nhân",
        "Mã học sinh",
        "Mã trường",
        "Khối",
        "Lớp",
        "SĐT người giám hộ",
        "Diện ưu tiên",
        "Tình trạng thiết bị",
        "Kết nối Internet",
        "Cần (thiết bị/SIM/data/Wi-Fi)"
    };

    private final JdbcClient jdbc;

    ImportTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long campaign(long organisingUnitId) {
        String code = TestFixtures.unique("HS-");
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                        insert into campaign (code, name, name_folded, organising_unit_id, status, eligible_levels,
                                              created_at, updated_at)
                        values (?, ?, ?, ?, 'ACTIVE', 'PRIMARY', ?, ?)""")
                .params(
                        code,
                        "Cùng em học trực tuyến " + code,
                        VietnameseText.fold("cung em " + code),
                        organisingUnitId,
                        now,
                        now)
                .update();
        long id = jdbc.sql("select id from campaign where code = ?")
                .param(code)
                .query(Long.class)
                .single();
        // 002: orphans of COVID-19 first; 003/004: poor and near-poor households.
        String[][] categories = {
            {"MO_COI_COVID", "Mồ côi do COVID-19", "Orphaned by COVID-19", "100"},
            {"HO_NGHEO", "Hộ nghèo", "Poor household", "40"},
            {"HO_CAN_NGHEO", "Hộ cận nghèo", "Near-poor household", "30"},
            {"KHO_KHAN_COVID", "Gia đình khó khăn do dịch COVID-19", "Family hit by the epidemic", "20"},
            {"KHUYET_TAT", "Khuyết tật", "Disability", "20"},
            {"DAN_TOC", "Dân tộc thiểu số", "Ethnic minority", "10"},
            {"THUONG_BINH", "Con thương binh, liệt sĩ", "Child of a war invalid or martyr", "10"}
        };
        for (int i = 0; i < categories.length; i++) {
            jdbc.sql("insert into campaign_priority_category (campaign_id, code, name_vi, name_en, weight, ordinal)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            categories[i][0],
                            categories[i][1],
                            categories[i][2],
                            Integer.parseInt(categories[i][3]),
                            i)
                    .update();
        }
        return id;
    }

    String schoolCode(long schoolId) {
        return jdbc.sql("select moet_code from school where id = ?")
                .param(schoolId)
                .query(String.class)
                .single();
    }

    /** A valid row for {@link #HEADERS}: name, birth date, gender, ID, student code, school, grade, class, phone... */
    static List<String> row(String name, String born, String gender, String id, String school) {
        return new ArrayList<>(List.of(
                name,
                born,
                gender,
                id,
                "",
                school,
                "3",
                "3A1",
                "0931 771 213",
                "Hộ nghèo",
                "Chưa có thiết bị",
                "Không có kết nối",
                "Thiết bị; SIM"));
    }

    static byte[] xlsx(List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of(HEADERS));
        all.addAll(rows);
        return Workbooks.xlsx(all, "Danh sách");
    }
}
