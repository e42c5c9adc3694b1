package vn.cungem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module reads and writes only its own tables, whatever Spring Modulith can see: Modulith checks Java types, and a
 * {@code join user_account} inside a text block is invisible to it. This test declares who owns each table, derived
 * from the Flyway migration that creates it ({@code V<n>__<module>_<change>}), and fails when the SQL in a module's
 * source names a table owned by another module. Another module's rows are reached through its API (a root-package
 * interface such as {@code UnitDirectory} or {@code Campaigns}), never through its tables.
 *
 * <p>Like {@code AuditAppendOnlyTests}, it reads source text: every string literal and text block of a module, comments
 * left out, searched for a table name after an SQL keyword that introduces one ({@code from}, {@code join},
 * {@code into}, {@code update}, {@code table}, {@code exists}).
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/vn/cungem");

    private static final List<Path> MIGRATIONS = List.of(
            Path.of("src/main/resources/db/migration"),
            Path.of("src/main/resources/db/vendor"),
            Path.of("src/main/java/db/migration"));

    /** Migrations named after the platform rather than a module: their tables (ShedLock) belong to the shared kernel. */
    private static final Map<String, String> PREFIX_TO_MODULE = Map.of("platform", "shared");

    /**
     * Tables a platform migration creates for one module: Spring Session's rows are the signed-in accounts' sessions,
     * which identity ends when an account is disabled.
     */
    private static final Map<String, String> TABLE_TO_MODULE =
            Map.of("spring_session", "identity", "spring_session_attributes", "identity");

    /**
     * Views a module publishes for the others to read in SQL (a join inside a paged or bulk query, where a call per row
     * would not do). Their columns are a contract, listed in docs/architecture.md; the owner's tables stay private.
     */
    static final Map<String, String> PUBLISHED_VIEWS = Map.of(
            "org_unit", "organisation",
            "org_unit_tree", "organisation",
            "org_school", "organisation",
            "org_partner", "organisation");

    /**
     * Exceptions, each one file, the other modules' tables it may name, and why. An entry is a debt to pay through the
     * owner's API; the list only shrinks ({@link #theAllowListHasNoStaleEntries}), and is empty: the demo seed and the
     * generator load through {@code OrganisationBulkLoad} and {@code AccountBulkLoad}.
     */
    static final List<Allowed> ALLOWED = List.of();

    record Allowed(String file, Set<String> tables, String reason) {}

    private static final Pattern MIGRATION_NAME = Pattern.compile("V\\d+(?:_\\d+)*__([a-z]+)_.*\\.(sql|java)");

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "create\\s+(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    private static final Pattern WRITE_TO =
            Pattern.compile("\\b(?:into|update|table)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern TABLE_AFTER_KEYWORD = Pattern.compile(
            "\\b(?:from|join|into|update|table|exists)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableHasExactlyOneOwningModule() {
        Map<String, Set<String>> owners = tableOwners();
        assertThat(owners).isNotEmpty();
        Set<String> modules = modules();
        owners.forEach((table, by) -> {
            assertThat(by).as("owners of table " + table).hasSize(1);
            assertThat(modules)
                    .as("owner of table " + table)
                    .contains(by.iterator().next());
        });
    }

    @Test
    void aModuleNamesOnlyItsOwnTablesInSql() {
        Map<String, String> owner = new TreeMap<>();
        tableOwners().forEach((table, by) -> owner.put(table, by.iterator().next()));
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, String> crossing : crossings(owner)) {
            String where = crossing.getKey();
            String table = crossing.getValue();
            if (ALLOWED.stream()
                    .noneMatch(a -> a.file().equals(where) && a.tables().contains(table))) {
                violations.add(where + " names " + table + " (owned by " + owner.get(table) + ")");
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theAllowListHasNoStaleEntries() {
        Map<String, String> owner = new TreeMap<>();
        tableOwners().forEach((table, by) -> owner.put(table, by.iterator().next()));
        List<Map.Entry<String, String>> found = crossings(owner);
        for (Allowed allowed : ALLOWED) {
            assertThat(allowed.reason()).isNotBlank();
            for (String table : allowed.tables()) {
                assertThat(found)
                        .as("allow-list entry " + allowed.file() + " " + table + " is still needed")
                        .contains(Map.entry(allowed.file(), table));
            }
        }
    }

    @Test
    void publishedViewsAreViewsOfTheirOwnerDocumentedAndOnlyRead() throws IOException {
        Map<String, Set<String>> owners = tableOwners();
        String architecture = Files.readString(Path.of("docs/architecture.md"));
        PUBLISHED_VIEWS.forEach((view, module) -> {
            assertThat(owners.get(view)).as("owner of published view " + view).containsExactly(module);
            assertThat(architecture)
                    .as("docs/architecture.md documents " + view)
                    .contains("`" + view + "`");
        });
        List<String> writes = new ArrayList<>();
        for (String module : modules()) {
            for (Path file : javaFiles(SOURCES.resolve(module))) {
                for (String literal : stringLiterals(read(file))) {
                    Matcher m = WRITE_TO.matcher(literal);
                    while (m.find()) {
                        if (PUBLISHED_VIEWS.containsKey(m.group(1).toLowerCase(Locale.ROOT))) {
                            writes.add(SOURCES.relativize(file) + " writes " + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(writes).as("published views are read, never written").isEmpty();
    }

    /** Each (file relative to vn/cungem, table of another module) its SQL names; published views are not crossings. */
    private static List<Map.Entry<String, String>> crossings(Map<String, String> owner) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String module : modules()) {
            for (Path file : javaFiles(SOURCES.resolve(module))) {
                for (String table : tablesNamedIn(read(file), owner.keySet())) {
                    if (!owner.get(table).equals(module) && !PUBLISHED_VIEWS.containsKey(table)) {
                        out.add(Map.entry(SOURCES.relativize(file).toString().replace('\\', '/'), table));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theScanFindsTablesInStringsAndNotInComments() {
        Set<String> known = Set.of("user_account", "campaign", "student");
        String source = """
                // select * from user_account
                /* join campaign c */
                String a = "select s.id from student s";
                String b = \"""
                    select 1
                      from x
                      join user_account u on u.id = x.who
                     where campaign_id = ?
                    \""";
                String c = "Chương trình (campaign) đã đóng";
                """;
        assertThat(tablesNamedIn(source, known)).containsExactlyInAnyOrder("student", "user_account");
    }

    static Set<String> tablesNamedIn(String javaSource, Set<String> known) {
        Set<String> found = new TreeSet<>();
        for (String literal : stringLiterals(javaSource)) {
            Matcher m = TABLE_AFTER_KEYWORD.matcher(literal);
            while (m.find()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                if (known.contains(name)) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    /** The contents of every string literal and text block, comments and character literals skipped. */
    static List<String> stringLiterals(String src) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int start = i + 3;
                int j = start;
                while (j < n && !src.startsWith("\"\"\"", j)) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                out.add(src.substring(start, Math.min(j, n)));
                i = j + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(src.substring(i + 1, Math.min(j, n)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Table → modules whose migrations create it (exactly one, if all is well). */
    static Map<String, Set<String>> tableOwners() {
        Map<String, Set<String>> owners = new TreeMap<>();
        for (Path dir : MIGRATIONS) {
            for (Path file : files(dir)) {
                Matcher name = MIGRATION_NAME.matcher(file.getFileName().toString());
                assertThat(name.matches())
                        .as(file + " is named V<n>__<module>_<change>")
                        .isTrue();
                String module = PREFIX_TO_MODULE.getOrDefault(name.group(1), name.group(1));
                Matcher create = CREATE_TABLE.matcher(read(file));
                while (create.find()) {
                    String table = create.group(1).toLowerCase(Locale.ROOT);
                    owners.computeIfAbsent(table, t -> new TreeSet<>())
                            .add(TABLE_TO_MODULE.getOrDefault(table, module));
                }
            }
        }
        return owners;
    }

    static Set<String> modules() {
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            dirs.filter(Files::isDirectory)
                    .forEach(d -> modules.add(d.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    private static List<Path> javaFiles(Path dir) {
        return files(dir).stream().filter(p -> p.toString().endsWith(".java")).toList();
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
