package vn.cungem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The "done when": bad input to every form and endpoint gets a clear message and never an HTTP 500. Every
 * handler method the application maps is found from Spring MVC itself (so a new endpoint is covered the day it is
 * added) and sent hostile path values, bodies, form fields, query parameters and files as an administrator, a district
 * manager and, for public addresses, an anonymous visitor.
 *
 * <p>Skipped, because they are not ours and take no domain input: Boot's {@code BasicErrorController} ({@code /error},
 * checked on its own below) and springdoc's {@code /v3/api-docs} and Swagger UI handlers. Actuator endpoints live in a
 * different handler mapping and are not enumerated.
 */
@IntegrationTest
class EndpointRobustnessIntegrationTests {

    private static final String HUGE = "Ư".repeat(100_000);
    // "Nguyễn Thị Đào" decomposed (NFD): e + circumflex + tilde, as some phone keyboards send it
    private static final String NFD = "Nguye\u0302\u0303n Thi\u0323 \u0110a\u0300o";

    /** Form and query values: every field of a request gets the same one. */
    private static final List<String> FORM_VALUES = List.of(
            "abc",
            "-1",
            "99999999999999999999999",
            "-2147483649",
            "31/02/2021",
            "2021-13-45",
            "KHONG_CO_GIA_TRI",
            HUGE,
            NFD,
            "",
            "a\u0000b",
            "1;drop table school");

    /** JSON values: every field of a body gets the same one, flat and inside nested objects and lists. */
    private static final List<String> JSON_VALUES = List.of(
            "\"abc\"",
            "-1",
            "99999999999999999999999999",
            "-2147483649",
            "1.5e308",
            "{\"x\":1}",
            "[null,\"x\"]",
            "\"31/02/2021\"",
            "\"2021-13-45\"",
            "\"KHONG_CO_GIA_TRI\"",
            "\"" + HUGE + "\"",
            "\"" + NFD + "\"",
            "null",
            "true");

    private static final List<String> RAW_BODIES =
            List.of("", "{\"name\": ", "[1,2,3]", "\"chuỗi\"", "{\"name\":\"a\",\"name\":", "\u0000\u0001");

    /** Path values; {@code %00} goes on the wire as written. */
    private static final List<String> HOSTILE_PATH_VALUES =
            List.of("0", "-1", "99999999999", "abc", "%00", "x".repeat(4_000), "1;drop table");

    private static final Set<String> PUBLIC_PREFIXES =
            Set.of("/login", "/register", "/invitation", "/password-reset", "/api/v1/public", "/public");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    long province;
    long district;
    long commune;
    long school;
    long account;
    RequestPostProcessor admin;
    RequestPostProcessor manager;

    @BeforeEach
    void organisation() {
        String marker = TestFixtures.unique("rb");
        province = fixtures.unit("Tỉnh Kiên Giang " + marker, "province", null);
        district = fixtures.unit("Huyện Phú Giáo " + marker, "district", province);
        commune = fixtures.unit("Xã An Bình " + marker, "commune", district);
        school = fixtures.school("Trường Tiểu học An Bình " + marker, commune);
        account = fixtures.account(Role.SCHOOL_OFFICER, null, school, null).id();
        admin = user(fixtures.admin());
        manager = user(fixtures.manager(district));
    }

    @Test
    void noEndpointAnswers500ToHostileInput() throws Exception {
        List<Endpoint> endpoints = new ArrayList<>();
        Set<String> skipped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("vn.cungem")) {
                skipped.add(
                        handler.getBeanType().getSimpleName() + " " + e.getKey().getPatternValues());
                continue;
            }
            Set<HttpMethod> methods = new LinkedHashSet<>();
            e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(HttpMethod.valueOf(m.name())));
            if (methods.isEmpty()) {
                methods.add(HttpMethod.GET);
                methods.add(HttpMethod.POST);
            }
            for (String pattern : e.getKey().getPatternValues()) {
                for (HttpMethod method : methods) {
                    endpoints.add(Endpoint.of(pattern, method, handler));
                }
            }
        }
        assertThat(endpoints).as("handler methods found").hasSizeGreaterThan(40);

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Endpoint endpoint : endpoints) {
            requests += probe(endpoint, false, failures);
            if (endpoint.isPublic()) {
                requests += probe(endpoint, true, failures);
            } else {
                requests += send(endpoint, null, endpoint.uri(baseValues()), r -> {}, failures);
            }
        }
        System.out.printf(
                "Robustness: %d endpoints × hostile cases = %d requests, %d failures; skipped (framework): %s%n",
                endpoints.size(), requests, failures.size(), skipped);
        assertThat(failures)
                .as("requests that answered 500 or leaked internals")
                .isEmpty();
    }

    @Test
    void unknownApiPathAnswersProblemJsonInBothLanguages() throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get("/api/v1/khong-ton-tai").with(admin).accept(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"detail\"", "\"detail_en\"")
                .doesNotContain("timestamp");
    }

    @Test
    void bootErrorPageAnswersProblemJsonToApiClientsAndAPageToBrowsers() throws Exception {
        MockHttpServletResponse json = mvc.perform(get("/error")
                        .requestAttr("jakarta.servlet.error.status_code", 413)
                        .requestAttr("jakarta.servlet.error.request_uri", "/api/v1/units/import")
                        .accept(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse();
        assertThat(json.getStatus()).isEqualTo(413);
        assertThat(json.getContentType()).startsWith("application/problem+json");
        assertThat(json.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"detail\"", "\"detail_en\"")
                .doesNotContain("timestamp");

        MockHttpServletResponse page = mvc.perform(get("/error")
                        .requestAttr("jakarta.servlet.error.status_code", 405)
                        .requestAttr("jakarta.servlet.error.request_uri", "/units")
                        .accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(405);
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains("<html")
                .doesNotContain("Exception", "at vn.cungem");
    }

    /**
     * Sends each hostile case once, alternating between the administrator (who passes every scope check and so reaches
     * the deepest code) and the district manager; the full cross-product took minutes.
     */
    private int probe(Endpoint endpoint, boolean anonymous, List<String> failures) throws Exception {
        int count = 0;
        int[] turn = {0};
        java.util.function.Supplier<RequestPostProcessor> next =
                () -> anonymous ? null : turn[0]++ % 2 == 0 ? admin : manager;
        Map<String, String> base = baseValues();
        for (String var : endpoint.variables()) {
            for (String hostile : HOSTILE_PATH_VALUES) {
                Map<String, String> values = new LinkedHashMap<>(base);
                values.put(var, hostile);
                count += send(endpoint, next.get(), endpoint.uri(values), r -> {}, failures);
            }
        }
        URI uri = endpoint.uri(base);
        if (endpoint.jsonBody != null) {
            for (String raw : RAW_BODIES) {
                count += send(
                        endpoint,
                        next.get(),
                        uri,
                        r -> r.contentType(MediaType.APPLICATION_JSON).content(raw),
                        failures);
            }
            for (int i = 0; i < JSON_VALUES.size(); i++) {
                // flat and nested in turn: each value once at the top level or inside the body's lists and objects
                String json = jsonObject(endpoint.jsonBody, JSON_VALUES.get(i), i % 2 == 1, 0);
                count += send(
                        endpoint,
                        next.get(),
                        uri,
                        r -> r.contentType(MediaType.APPLICATION_JSON).content(json),
                        failures);
            }
            count += send(
                    endpoint,
                    next.get(),
                    uri,
                    r -> r.contentType(MediaType.APPLICATION_XML).content("<a/>"),
                    failures);
        }
        if (!endpoint.files.isEmpty()) {
            Random random = new Random(2021);
            for (int variant = 0; variant < 3; variant++) {
                byte[] bytes = new byte[variant == 0 ? 0 : 4_096];
                random.nextBytes(bytes);
                if (variant == 2) {
                    // a zip signature, so the spreadsheet reader gets past its first check
                    bytes[0] = 'P';
                    bytes[1] = 'K';
                    bytes[2] = 3;
                    bytes[3] = 4;
                }
                count += sendMultipart(endpoint, next.get(), uri, bytes, failures);
            }
        }
        if (!endpoint.fields.isEmpty() || endpoint.jsonBody == null) {
            for (String value : FORM_VALUES) {
                count += send(
                        endpoint,
                        next.get(),
                        uri,
                        r -> {
                            if (endpoint.method != HttpMethod.GET) {
                                r.contentType(MediaType.APPLICATION_FORM_URLENCODED);
                            }
                            for (String field : endpoint.fields) {
                                r.param(field, value);
                            }
                            r.param("phases[x].name", value);
                            r.param("phases[99999999].name", value);
                            r.param("class.module.classLoader.x", value);
                            r.param("khongco", value);
                        },
                        failures);
            }
        }
        return count;
    }

    private Map<String, String> baseValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("unit", String.valueOf(commune));
        values.put("school", String.valueOf(school));
        values.put("account", String.valueOf(account));
        values.put("campaign", maxId("campaign"));
        values.put("partner", maxId("partner_organisation"));
        values.put("entityType", "unit");
        values.put("entityId", String.valueOf(commune));
        values.put("kind", "phase");
        return values;
    }

    private String maxId(String table) {
        return jdbc.sql("select max(id) from " + table)
                .query(Long.class)
                .optional()
                .map(String::valueOf)
                .orElse("1");
    }

    private int send(
            Endpoint endpoint,
            RequestPostProcessor caller,
            URI uri,
            java.util.function.Consumer<MockHttpServletRequestBuilder> customise,
            List<String> failures)
            throws Exception {
        MockHttpServletRequestBuilder request = request(endpoint.method, uri)
                .accept(endpoint.isApi() ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML)
                .with(csrf());
        if (caller != null) {
            request.with(caller);
        }
        customise.accept(request);
        check(endpoint, caller, uri, mvc.perform(request).andReturn().getResponse(), failures);
        return 1;
    }

    private int sendMultipart(
            Endpoint endpoint, RequestPostProcessor caller, URI uri, byte[] bytes, List<String> failures)
            throws Exception {
        var request = multipart(uri)
                .accept(endpoint.isApi() ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML)
                .with(csrf());
        for (String name : endpoint.files) {
            // an empty upload also comes under a name the endpoint does not expect
            String part = bytes.length == 0 ? name + "-khac" : name;
            request.file(new MockMultipartFile(part, "du-lieu.xlsx", "application/octet-stream", bytes));
        }
        if (caller != null) {
            request.with(caller);
        }
        check(endpoint, caller, uri, mvc.perform(request).andReturn().getResponse(), failures);
        return 1;
    }

    private void check(
            Endpoint endpoint,
            RequestPostProcessor caller,
            URI uri,
            MockHttpServletResponse response,
            List<String> failures)
            throws Exception {
        int status = response.getStatus();
        String who = caller == admin ? "admin" : caller == manager ? "manager" : "anonymous";
        String where = endpoint.method + " " + abbreviate(uri.toString()) + " as " + who + " → " + status;
        if (status >= 500) {
            failures.add(where);
            return;
        }
        if (status < 400) {
            return;
        }
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        if (endpoint.isApi()) {
            String type = String.valueOf(response.getContentType());
            if (!type.startsWith("application/problem+json")
                    || !body.contains("\"detail\"")
                    || !body.contains("\"detail_en\"")) {
                failures.add(where + " without a vi+en problem: " + type + " " + abbreviate(body));
            }
        } else if (body.contains("Exception") || body.contains("at vn.cungem")) {
            failures.add(where + " shows internals");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static String jsonObject(Class<?> type, String value, boolean nested, int depth) {
        StringBuilder json = new StringBuilder("{");
        for (Field field : fieldsOf(type)) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(field.name).append("\":");
            if (nested && field.element != null && depth < 2) {
                String inner = jsonObject(field.element, value, true, depth + 1);
                json.append(field.list ? "[" + inner + "]" : inner);
            } else {
                json.append(value);
            }
        }
        return json.append('}').toString();
    }

    /** A field of a form or body; {@code element} is set when it holds one of our own records or beans. */
    private record Field(String name, Class<?> element, boolean list) {}

    private static List<Field> fieldsOf(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                fields.add(field(c.getName(), c.getType(), c.getGenericType()));
            }
        } else if (type.getPackageName().startsWith("vn.cungem")) {
            for (PropertyDescriptor p : BeanUtils.getPropertyDescriptors(type)) {
                if (p.getWriteMethod() != null || p.getReadMethod() != null && !"class".equals(p.getName())) {
                    Type generic = p.getReadMethod() != null
                            ? p.getReadMethod().getGenericReturnType()
                            : p.getWriteMethod().getGenericParameterTypes()[0];
                    fields.add(field(p.getName(), p.getPropertyType(), generic));
                }
            }
        }
        return fields;
    }

    private static Field field(String name, Class<?> raw, Type generic) {
        if (Collection.class.isAssignableFrom(raw)
                && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element
                && element.getPackageName().startsWith("vn.cungem")
                && !element.isEnum()) {
            return new Field(name, element, true);
        }
        if (raw.getPackageName().startsWith("vn.cungem") && !raw.isEnum()) {
            return new Field(name, raw, false);
        }
        return new Field(name, null, false);
    }

    private record Endpoint(
            String pattern,
            HttpMethod method,
            List<String> variables,
            Class<?> jsonBody,
            List<String> fields,
            List<String> files) {

        private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");

        static Endpoint of(String pattern, HttpMethod method, HandlerMethod handler) {
            List<String> variables = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                if (m.group(2) == null) {
                    variables.add(m.group(1));
                }
            }
            Class<?> body = null;
            List<String> fields = new ArrayList<>();
            List<String> files = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                Class<?> type = parameter.getParameterType();
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    body = type;
                } else if (MultipartFile.class.isAssignableFrom(type)) {
                    String name = part != null && !part.name().isEmpty()
                            ? part.name()
                            : param != null && !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                    files.add(name);
                } else if (param != null) {
                    String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                    fields.add(name);
                } else if (parameter.hasParameterAnnotation(ModelAttribute.class) || type.isRecord()) {
                    for (Field field : fieldsOf(type)) {
                        if (field.element == null) {
                            fields.add(field.name);
                        } else {
                            for (Field inner : fieldsOf(field.element)) {
                                fields.add(field.name + (field.list ? "[0]." : ".") + inner.name);
                            }
                        }
                    }
                }
            }
            return new Endpoint(pattern, method, variables, body, fields, files);
        }

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        boolean isPublic() {
            return pattern.equals("/") || PUBLIC_PREFIXES.stream().anyMatch(pattern::startsWith);
        }

        /** The pattern with its variables filled: a regex-constrained one gets its first alternative. */
        URI uri(Map<String, String> values) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value;
                if (m.group(2) != null) {
                    value = m.group(2).split("\\|")[0];
                } else if (values.containsKey(m.group(1))) {
                    value = values.get(m.group(1));
                } else {
                    value = values.getOrDefault(resourceOf(), "1");
                }
                String encoded = value.equals("%00") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
                m.appendReplacement(out, Matcher.quoteReplacement(encoded));
            }
            m.appendTail(out);
            return URI.create(out.toString());
        }

        /** Which of the base ids an {@code {id}} in this pattern stands for. */
        private String resourceOf() {
            String path = pattern.replaceFirst("^/api/v1", "");
            if (path.startsWith("/units")) {
                return "unit";
            }
            if (path.startsWith("/schools")) {
                return "school";
            }
            if (path.startsWith("/partners")) {
                return "partner";
            }
            if (path.startsWith("/campaigns")) {
                return "campaign";
            }
            if (path.startsWith("/accounts")) {
                return "account";
            }
            return "";
        }
    }
}
