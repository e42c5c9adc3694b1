package vn.cungem.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.spreadsheet.SpreadsheetGuard;
import vn.cungem.shared.spreadsheet.SpreadsheetParsing;
import vn.cungem.shared.text.Bundles;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class OrganisationWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UnitDirectory units;

    String marker;
    long province;
    long districtA;
    long districtB;
    long communeA;
    long communeB;
    long schoolA;
    long schoolB;
    RequestPostProcessor managerA;
    RequestPostProcessor admin;

    @BeforeEach
    void organisation() {
        marker = TestFixtures.unique("mk");
        province = fixtures.unit("Thành phố Hồ Chí Minh " + marker, "province", null);
        districtA = fixtures.unit("Thành phố Thủ Đức " + marker, "district", province);
        districtB = fixtures.unit("Huyện Nhà Bè " + marker, "district", province);
        communeA = fixtures.unit("Phường Linh Trung " + marker, "commune", districtA);
        communeB = fixtures.unit("Xã Phước Kiển " + marker, "commune", districtB);
        schoolA = fixtures.school("Trường Tiểu học Linh Trung " + marker, communeA);
        schoolB = fixtures.school("Trường Tiểu học Phước Kiển " + marker, communeB);
        managerA = user(fixtures.manager(districtA));
        admin = user(fixtures.admin());
    }

    @Test
    void aDistrictManagerGets404ForAnotherDistrictsIdsOnPagesAndApi() throws Exception {
        for (String url : new String[] {
            "/units/" + districtB,
            "/units/" + communeB,
            "/units/" + communeB + "/rename",
            "/units/new?parent=" + districtB,
            "/schools/" + schoolB,
            "/schools/" + schoolB + "/edit",
            "/schools/new?unit=" + communeB,
            "/schools?unit=" + districtB,
            "/api/v1/units/" + communeB,
            "/api/v1/units?parent=" + districtB,
            "/api/v1/schools/" + schoolB
        }) {
            mvc.perform(get(url).with(managerA)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/units/" + communeB + "/rename")
                        .param("name", "Xã Lạ")
                        .with(managerA)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/schools/" + schoolB + "/retire").with(managerA).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/units/" + communeB + "/retire").with(managerA))
                .andExpect(status().isNotFound());
        mvc.perform(patch("/api/v1/schools/" + schoolB)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Trường Lạ\"}")
                        .with(managerA))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/units")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + TestFixtures.unique("")
                                + "\",\"name\":\"Xã Mới\",\"level\":\"commune\"," + "\"parentId\":" + districtB + "}")
                        .with(managerA))
                .andExpect(status().isNotFound());
        mvc.perform(patch("/api/v1/units/" + communeA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + districtB + "}")
                        .with(managerA))
                .andExpect(status().isNotFound());
        assertThat(units.find(communeA).orElseThrow().parentId()).isEqualTo(districtA);
    }

    @Test
    void aManagerCanChangeBelowButNotTheirOwnUnit() throws Exception {
        mvc.perform(post("/units/" + communeA + "/rename")
                        .param("name", "Phường Linh Trung Mới " + marker)
                        .param("reason", "Nghị quyết 2025")
                        .with(managerA)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/units/" + communeA));
        assertThat(units.find(communeA).orElseThrow().name()).isEqualTo("Phường Linh Trung Mới " + marker);

        mvc.perform(post("/units/" + districtA + "/rename")
                        .param("name", "Khác")
                        .with(managerA)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/units/" + districtA).with(managerA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/units/new?parent=" + districtA)))
                .andExpect(content().string(not(containsString("/units/" + districtA + "/rename"))));
    }

    @Test
    void theUnitPageShowsAncestorsAboveTheManagersUnitAsPlainText() throws Exception {
        mvc.perform(get("/units/" + communeA).with(managerA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>Thành phố Hồ Chí Minh " + marker + "</span>")))
                .andExpect(content().string(not(containsString("href=\"/units/" + province + "\""))))
                .andExpect(content().string(containsString("href=\"/units/" + districtA + "\"")));
    }

    @Test
    void searchIgnoresDiacriticsAndServesOnlyTheResultsToHtmx() throws Exception {
        mvc.perform(get("/units").param("q", "thu duc " + marker).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thành phố Thủ Đức " + marker)))
                .andExpect(content().string(containsString("hx-trigger=\"keyup changed delay:300ms")))
                .andExpect(content().string(containsString("<html")));
        mvc.perform(get("/units")
                        .param("q", "THU DUC " + marker)
                        .header("HX-Request", "true")
                        .with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thành phố Thủ Đức " + marker)))
                // the level by its name, not its code
                .andExpect(content().string(not(containsString("<td>district</td>"))))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/api/v1/units").param("q", "phuoc kien " + marker).with(managerA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/units").param("q", "linh trung " + marker).with(managerA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].path[1]").value("Thành phố Thủ Đức " + marker));
        mvc.perform(get("/api/v1/schools").param("q", "linh trung " + marker).with(managerA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void creatingTheSameUnitTwiceReturnsItAndADifferentUnitWithTheCodeIsAConflict() throws Exception {
        String code = TestFixtures.unique("");
        String body = "{\"code\":\"" + code + "\",\"name\":\"Phường Mới\",\"level\":\"commune\",\"parentId\":"
                + districtA + "}";
        String first = mvc.perform(post("/api/v1/units")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(managerA))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String again = mvc.perform(post("/api/v1/units")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(managerA))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(again).isEqualTo(first);
        mvc.perform(post("/api/v1/units")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("Phường Mới", "Phường Khác"))
                        .with(managerA))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString(code)))
                .andExpect(jsonPath("$.detail_en", containsString("already exists")));
    }

    @Test
    void badInputGetsAClearMessageInBothLanguages() throws Exception {
        mvc.perform(post("/api/v1/units")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"AB-1\",\"name\":\"X\",\"level\":\"commune\",\"parentId\":" + districtA
                                + "}")
                        .with(managerA))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("không đúng dạng")))
                .andExpect(jsonPath("$.detail_en", containsString("wrong shape")));
        mvc.perform(get("/api/v1/schools").param("level", "UNIVERSITY").with(managerA))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/schools")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"moetCode\":\"79X1\",\"name\":\"T\",\"level\":\"NOPE\",\"ownership\":\"PUBLIC\","
                                + "\"unitId\":" + communeA + "}")
                        .with(managerA))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/schools/new")
                        .param("unit", String.valueOf(communeA))
                        .param("moetCode", "T" + marker)
                        .param("name", "Trường X")
                        .param("level", "UNIVERSITY")
                        .param("ownership", "PUBLIC")
                        .with(managerA)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("Biểu mẫu có giá trị không hợp lệ: [level]")));
    }

    @Test
    void retiringAUnitWithActiveChildrenIsRefusedWithAMessage() throws Exception {
        mvc.perform(post("/api/v1/units/" + communeA + "/retire")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Sáp nhập\"}")
                        .with(admin))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail_en", containsString("1 active schools")));
        mvc.perform(post("/units/" + districtA + "/retire").with(admin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Không thể giải thể")));
        assertThat(units.find(districtA).orElseThrow().retiredOn()).isNull();
    }

    @Test
    void schoolsAndPartnersCanBeCreatedMovedAndRetiredThroughTheApi() throws Exception {
        String moet = "S" + TestFixtures.unique("");
        String school =
                "{\"moetCode\":\"" + moet + "\",\"name\":\"Trường THCS Linh Trung\",\"level\":\"LOWER_SECONDARY\","
                        + "\"ownership\":\"PUBLIC\",\"unitId\":" + communeA + "}";
        String created = mvc.perform(post("/api/v1/schools")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(school)
                        .with(managerA))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/schools")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(school)
                        .with(managerA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(patch("/api/v1/schools/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + districtA + ",\"reason\":\"Chuyển\"}")
                        .with(managerA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitId").value(districtA));
        mvc.perform(post("/api/v1/schools/" + id + "/retire").with(managerA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retiredOn").isNotEmpty());

        String partner = "{\"name\":\"Đoàn Thanh niên phường Linh Trung\",\"kind\":\"YOUTH_UNION\",\"homeUnitId\":"
                + communeA + ",\"contactPhone\":\"0931.771.213\"}";
        mvc.perform(post("/api/v1/partners")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(partner)
                        .with(managerA))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contactPhone").value("0931771213"));
        mvc.perform(post("/api/v1/partners")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(partner)
                        .with(managerA))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/partners")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(partner.replace("YOUTH_UNION", "BUSINESS"))
                        .with(managerA))
                .andExpect(status().isConflict());
        mvc.perform(get("/partners")
                        .param("q", "doan thanh nien phuong linh trung")
                        .with(managerA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đoàn Thanh niên phường Linh Trung")));
    }

    @Test
    void aSchoolOfficerSeesTheirSchoolReadOnlyAndNothingElse() throws Exception {
        AccountDetails officer = fixtures.account(Role.SCHOOL_OFFICER, null, schoolA, null);
        mvc.perform(get("/schools/" + schoolA).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/schools/" + schoolA + "/edit"))));
        mvc.perform(get("/schools/" + schoolB).with(user(officer))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + communeA).with(user(officer))).andExpect(status().isOk());
        mvc.perform(get("/units/" + districtA).with(user(officer))).andExpect(status().isNotFound());
        mvc.perform(post("/schools/" + schoolA + "/edit")
                        .param("name", "Đổi")
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        AccountDetails donor = fixtures.account(Role.DONOR, null, null, null);
        mvc.perform(get("/api/v1/units/" + communeA).with(user(donor))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/units").with(user(donor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void onlyAdminsImportAndTheReportListsAddedAndRejectedRows() throws Exception {
        String csv = "\uFEFFMã TP;Tỉnh / Thành Phố;Mã QH;Quận Huyện;Mã PX;Phường Xã;Cấp\n"
                + "61;Tỉnh Thử Nghiệm;611;Huyện Thử;61101;Xã Một;Xã\n"
                + "61;Tỉnh Thử Nghiệm;611;Huyện Thử;6110X;Xã Hai;Xã\n";
        MockMultipartFile file =
                new MockMultipartFile("file", "dvhc.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        mvc.perform(get("/units/import").with(managerA)).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/units/import").file(file).with(managerA)).andExpect(status().isForbidden());

        mvc.perform(multipart("/api/v1/units/import").file(file).with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected[0].row").value(3))
                .andExpect(jsonPath("$.rejected[0].reasonEn", containsString("wrong shape")));
        mvc.perform(multipart("/units/import").file(file).with(admin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Xã Một")))
                .andExpect(content().string(containsString("Bị từ chối")));
        assertThat(units.findByCode("61101")).isPresent();
        mvc.perform(multipart("/units/import")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", "a,b\n1,2\n".getBytes()))
                        .with(admin)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")));
    }

    @Test
    void anImportWhileEveryReadingSlotIsTakenShowsTheBusyPageWithItsOwnTitle() throws Exception {
        CountDownLatch taken = new CountDownLatch(SpreadsheetParsing.SLOTS);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService readers = Executors.newFixedThreadPool(SpreadsheetParsing.SLOTS);
        try {
            for (int i = 0; i < SpreadsheetParsing.SLOTS; i++) {
                readers.submit(() -> SpreadsheetParsing.read(
                        "a;b\n".getBytes(StandardCharsets.UTF_8),
                        SpreadsheetGuard.Limits.DEFAULT,
                        true,
                        Duration.ZERO,
                        () -> {
                            taken.countDown();
                            try {
                                release.await(60, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }));
            }
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
            MockMultipartFile file = new MockMultipartFile(
                    "file", "dvhc.csv", "text/csv", "Mã TP;Mã PX\n".getBytes(StandardCharsets.UTF_8));
            mvc.perform(multipart("/units/import").file(file).with(admin).with(csrf()))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(containsString(Bundles.vi("error.503.title"))))
                    .andExpect(content().string(containsString(Bundles.vi("error.503.body"))))
                    .andExpect(content().string(containsString(Bundles.vi("spreadsheet.busy"))))
                    .andExpect(content().string(not(containsString(Bundles.vi("error.400.title")))));
        } finally {
            release.countDown();
            readers.shutdownNow();
            readers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theAdminListsAndAddsLevels() throws Exception {
        String code = "lvl" + marker.substring(2);
        mvc.perform(post("/units/levels")
                        .param("code", code)
                        .param("rank", String.valueOf(10 + Math.abs(code.hashCode() % 80)))
                        .param("nameVi", "Thôn")
                        .param("nameEn", "Hamlet")
                        .with(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/units/levels").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(code)));
        mvc.perform(get("/units/levels").with(managerA)).andExpect(status().isForbidden());
    }

    @Test
    void aPartnerIsShownEditedMovedAndRetiredThroughItsPages() throws Exception {
        String created = mvc.perform(post("/api/v1/partners")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Hội Phụ nữ " + marker + "\",\"kind\":\"WOMENS_UNION\",\"homeUnitId\":"
                                + communeA + "}")
                        .with(managerA))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        for (String url : new String[] {"/partners/" + id, "/partners/" + id + "/edit", "/partners/" + id + "/move"}) {
            mvc.perform(get(url).with(managerA)).andExpect(status().isOk());
        }
        mvc.perform(get("/partners/" + id).with(managerA))
                .andExpect(content().string(containsString("/partners/" + id + "/retire")))
                .andExpect(content().string(containsString("entityType=PartnerOrganisation")));
        mvc.perform(post("/partners/" + id + "/edit")
                        .param("name", "Hội Liên hiệp Phụ nữ " + marker)
                        .param("kind", "WOMENS_UNION")
                        .with(managerA)
                        .with(csrf()))
                .andExpect(redirectedUrl("/partners/" + id))
                .andExpect(flash().attribute("flash", "Hội Liên hiệp Phụ nữ " + marker));
        String communeBCode = units.find(communeB).orElseThrow().code();
        mvc.perform(post("/partners/" + id + "/move")
                        .param("unitCode", communeBCode)
                        .with(managerA)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")));
        String communeA2 = fixtures.unit("Phường Linh Xuân " + marker, "commune", districtA) + "";
        mvc.perform(post("/partners/" + id + "/move")
                        .param(
                                "unitCode",
                                units.find(Long.parseLong(communeA2))
                                        .orElseThrow()
                                        .code())
                        .with(managerA)
                        .with(csrf()))
                .andExpect(redirectedUrl("/partners/" + id));
        mvc.perform(post("/partners/" + id + "/retire").with(managerA).with(csrf()))
                .andExpect(redirectedUrl("/partners/" + id));
        mvc.perform(get("/api/v1/partners/" + id).with(managerA))
                .andExpect(jsonPath("$.name").value("Hội Liên hiệp Phụ nữ " + marker))
                .andExpect(jsonPath("$.homeUnitId").value(Long.parseLong(communeA2)))
                .andExpect(jsonPath("$.retiredOn").isNotEmpty());
    }

    @Test
    void pagesRenderForAdmins() throws Exception {
        for (String url : new String[] {
            "/units",
            "/units/" + communeA,
            "/units/new?parent=" + districtA,
            "/units/" + communeA + "/move",
            "/units/" + communeA + "/retire",
            "/schools",
            "/schools/" + schoolA,
            "/schools/" + schoolA + "/edit",
            "/schools/" + schoolA + "/move",
            "/schools/new?unit=" + communeA,
            "/partners",
            "/partners/new?unit=" + communeA,
            "/units/import"
        }) {
            mvc.perform(get(url).with(admin).locale(java.util.Locale.ENGLISH)).andExpect(status().isOk());
            mvc.perform(get(url).with(admin)).andExpect(status().isOk());
        }
    }
}
