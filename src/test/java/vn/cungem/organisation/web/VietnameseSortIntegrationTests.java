package vn.cungem.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class VietnameseSortIntegrationTests {

    // Created in an order that neither insertion order, code order nor name_folded order would put right.
    private static final List<String> CREATED = List.of("Bình", "An", "Đạt", "Dũng", "Ân", "Ăn");
    private static final List<String> DICTIONARY_ORDER = List.of("An", "Ăn", "Ân", "Bình", "Dũng", "Đạt");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    long district;
    long commune;
    RequestPostProcessor manager;

    @BeforeEach
    void freshParent() {
        String marker = TestFixtures.unique("sx");
        long province = fixtures.unit("Tỉnh Sắp Xếp " + marker, "province", null);
        district = fixtures.unit("Huyện Sắp Xếp " + marker, "district", province);
        commune = fixtures.unit("Xã Sắp Xếp " + marker, "commune", district);
        manager = user(fixtures.manager(district));
    }

    @Test
    void listsUnitsInVietnameseDictionaryOrderOnApiAndPage() throws Exception {
        for (String name : CREATED) {
            createUnit(name);
        }
        assertThat(names(json("/api/v1/units?parent=" + district))).containsExactlyElementsOf(withParentCommune());
        String page = mvc.perform(get("/units/" + district).with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(positions(page, DICTIONARY_ORDER)).doesNotContain(-1).isSorted();
    }

    @Test
    void listsSchoolsInVietnameseDictionaryOrder() throws Exception {
        for (String name : CREATED) {
            mvc.perform(post("/api/v1/schools")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"moetCode\":\"" + TestFixtures.unique("SX") + "\",\"name\":\"" + name
                                    + "\",\"level\":\"PRIMARY\",\"ownership\":\"PUBLIC\",\"unitId\":" + commune + "}")
                            .with(manager)
                            .with(csrf()))
                    .andExpect(status().isCreated());
        }
        assertThat(names(json("/api/v1/schools?unit=" + district))).containsExactlyElementsOf(DICTIONARY_ORDER);
        String page = mvc.perform(get("/schools?unit=" + district).with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(positions(page, DICTIONARY_ORDER)).doesNotContain(-1).isSorted();
    }

    @Test
    void renamingAUnitMovesItToItsNewPlaceInTheList() throws Exception {
        long an = createUnit("An");
        createUnit("Bình");
        mvc.perform(patch("/api/v1/units/" + an)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Đạt\"}")
                        .with(manager)
                        .with(csrf()))
                .andExpect(status().isOk());
        assertThat(names(json("/api/v1/units?parent=" + district)))
                .containsExactly("Bình", "Đạt", "Xã Sắp Xếp " + communeMarker());
    }

    @Test
    void backfillMigrationFillsKeysThatAreMissing() throws Exception {
        long dung = createUnit("Dũng");
        long dat = createUnit("Đạt");
        jdbc.sql("update administrative_unit set name_sort = null where id in (?, ?)")
                .params(dung, dat)
                .update();
        try (Connection connection = dataSource.getConnection()) {
            new db.migration.V51__shared_backfill_sort_keys().migrate(context(connection));
        }
        assertThat(jdbc.sql("select name_sort from administrative_unit where id = ?")
                        .param(dat)
                        .query(String.class)
                        .single())
                .isEqualTo(VietnameseText.sortKey("Đạt"));
        assertThat(names(json("/api/v1/units?parent=" + district)))
                .containsExactly("Dũng", "Đạt", "Xã Sắp Xếp " + communeMarker());
    }

    private long createUnit(String name) throws Exception {
        String body = mvc.perform(post("/api/v1/units")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + TestFixtures.unique("") + "\",\"name\":\"" + name
                                + "\",\"level\":\"commune\",\"parentId\":" + district + "}")
                        .with(manager)
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String communeMarker() {
        String name = jdbc.sql("select name from administrative_unit where id = ?")
                .param(commune)
                .query(String.class)
                .single();
        return name.substring("Xã Sắp Xếp ".length());
    }

    private List<String> withParentCommune() {
        // "Xã …" sorts after every test name (x is the second-to-last letter).
        List<String> expected = new java.util.ArrayList<>(DICTIONARY_ORDER);
        expected.add("Xã Sắp Xếp " + communeMarker());
        return expected;
    }

    private String json(String url) throws Exception {
        return mvc.perform(get(url).with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> names(String json) {
        return JsonPath.read(json, "$.items[*].name");
    }

    private static List<Integer> positions(String html, List<String> names) {
        // Each name as the whole text of an element, so "An" is not found inside "Ăn" or elsewhere on the page.
        return names.stream().map(n -> html.indexOf(">" + n + "<")).toList();
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
