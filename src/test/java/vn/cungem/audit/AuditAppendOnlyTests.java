package vn.cungem.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log is append-only: no code anywhere changes or removes an entry, and its API only reads. The database
 * refuses such statements itself (V99, {@code AuditAppendOnlyIntegrationTests}); this scan finds the code that would
 * try before it ever runs, and the API check keeps the door closed over HTTP.
 */
class AuditAppendOnlyTests {

    private static final Pattern MUTATION = Pattern.compile(
            "(update\\s+audit_entry|delete\\s+from\\s+audit_entry|truncate\\s+(table\\s+)?audit_entry"
                    + "|merge\\s+into\\s+audit_entry)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noSourceOrMigrationUpdatesOrDeletesAuditEntries() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files =
                Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources")))) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .filter(p -> MUTATION.matcher(read(p)).find())
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theScanWouldCatchAnUpdate() {
        assertThat(MUTATION.matcher("jdbc.sql(\"UPDATE  audit_entry set reason = ?\")")
                        .find())
                .isTrue();
        assertThat(MUTATION.matcher("delete from audit_entry where id = ?").find())
                .isTrue();
    }

    @Test
    void auditApiOnlyReads() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        var candidates = scanner.findCandidateComponents("vn.cungem.audit");
        assertThat(candidates).isNotEmpty();
        for (var candidate : candidates) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.getSimpleName().equals("IntegrityApiController")) {
                // Starts a run of the integrity checks: it writes integrity_run rows, never the audit log.
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                assertThat(m.isAnnotationPresent(PostMapping.class)
                                || m.isAnnotationPresent(PutMapping.class)
                                || m.isAnnotationPresent(PatchMapping.class)
                                || m.isAnnotationPresent(DeleteMapping.class))
                        .as(type.getSimpleName() + "." + m.getName())
                        .isFalse();
                RequestMapping rm = m.getAnnotation(RequestMapping.class);
                if (rm != null) {
                    assertThat(rm.method()).containsOnly(RequestMethod.GET);
                }
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
