package vn.cungem.organisation.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** Pickers find units and schools by name without diacritics, show where they are, and stay in the caller's scope. */
@IntegrationTest
class PickerPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    String suffix;
    long ward;
    long school;
    AccountDetails manager;

    @BeforeEach
    void tree() {
        suffix = TestFixtures.unique("");
        long province = fixtures.unit("Thành phố Hồ Chí Minh " + suffix, "province", null);
        long city = fixtures.unit("Thành phố Thủ Đức " + suffix, "district", province);
        ward = fixtures.unit("Phường Linh Xuân " + suffix, "commune", city);
        school = fixtures.school("Trường Tiểu học Linh Xuân " + suffix, ward);
        fixtures.unit(
                "Phường Linh Trung " + suffix, "commune", fixtures.unit("Huyện Khác " + suffix, "district", null));
        manager = fixtures.manager(city);
    }

    @Test
    void offersUnitsTypedWithoutDiacriticsWithTheirPathAndCode() throws Exception {
        String code = jdbc.sql("select code from administrative_unit where id = ?")
                .param(ward)
                .query(String.class)
                .single();
        mvc.perform(get("/pick/units")
                        .param("field", "unitCode")
                        .param("unitCode", "linh xuan " + suffix)
                        .header("HX-Request", "true")
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + code + "\"")))
                .andExpect(content()
                        .string(containsString("Phường Linh Xuân " + suffix + " — Thành phố Thủ Đức " + suffix
                                + " — Thành phố Hồ Chí Minh " + suffix)));
    }

    @Test
    void neverOffersAUnitOutsideTheCallersScope() throws Exception {
        mvc.perform(get("/pick/units")
                        .param("q", "linh trung " + suffix)
                        .header("HX-Request", "true")
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Linh Trung"))));
    }

    @Test
    void offersSchoolsByIdWhenTheFieldTakesAnId() throws Exception {
        mvc.perform(get("/pick/schools")
                        .param("field", "schoolId")
                        .param("schoolId", "truong tieu hoc linh xuan " + suffix)
                        .param("by", "id")
                        .header("HX-Request", "true")
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + school + "\"")))
                .andExpect(content().string(containsString("— Phường Linh Xuân " + suffix)));
    }

    @Test
    void offersPartnersInScopeByIdWithTheirUnit() throws Exception {
        long city = jdbc.sql("select parent_id from administrative_unit where id = ?")
                .param(ward)
                .query(Long.class)
                .single();
        long viettel = partner("Viettel Thủ Đức " + suffix, city);
        partner("Viettel Huyện Khác " + suffix, fixtures.unit("Huyện Xa " + suffix, "district", null));
        mvc.perform(get("/pick/partners")
                        .param("field", "partnerId")
                        .param("partnerId", suffix)
                        .header("HX-Request", "true")
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + viettel + "\"")))
                .andExpect(content().string(containsString("Viettel Thủ Đức " + suffix + " — Thành phố Thủ Đức")))
                .andExpect(content().string(not(containsString("Viettel Huyện Khác"))));
    }

    private long partner(String name, long homeUnit) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        jdbc.sql("insert into partner_organisation (name, name_folded, kind, home_unit_id, created_at, updated_at)"
                        + " values (?, ?, 'TELECOM_OPERATOR', ?, ?, ?)")
                .params(name, vn.cungem.shared.text.VietnameseText.fold(name), homeUnit, now, now)
                .update();
        return jdbc.sql("select id from partner_organisation where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    @Test
    void withoutJavaScriptAPlainSearchPageShowsTheCodes() throws Exception {
        mvc.perform(get("/pick/units").param("q", "LINH XUAN " + suffix).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Tìm đơn vị hành chính</h1>")))
                .andExpect(content().string(containsString("Phường Linh Xuân " + suffix)));
    }

    @Test
    void aFieldNameThatIsNotANameIsIgnored() throws Exception {
        mvc.perform(get("/pick/units")
                        .param("field", "a.b[0]")
                        .header("HX-Request", "true")
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<option"))));
    }
}
