package vn.cungem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Flyway keeps a checksum of every SQL migration and refuses to start when an applied one has changed; a Java
 * migration has none (giving the old ones one now would fail every existing database's validation). This test is that
 * checksum: the source of each Java migration, as it was when it was released. Once a migration has run anywhere it
 * must not change: write a new one. Add a line here only for a new migration.
 */
class JavaMigrationsFrozenTests {

    private static final Path JAVA_MIGRATIONS = Path.of("src/main/java/db/migration");

    /** File → first 16 hex digits of the SHA-256 of its text (line endings as LF). */
    private static final Map<String, String> RELEASED = Map.of(
            "V51__shared_backfill_sort_keys.java", "9408f0d2fcfc0838",
            "V66__donation_leaner_write_indexes.java", "bc24556167f07f15",
            "V67__donation_bank_line_checks_by_import.java", "89966ce966cadf61",
            "V68__donation_ledger_references_by_construction.java", "212fa69e77cbb6a0",
            "V69__donation_bank_line_pledge_by_construction.java", "61acef4b67759bee",
            "V86__student_follows_its_school.java", "94fb2ba85aad6e60",
            "V102__shared_name_every_constraint.java", "a98854bd181042a5",
            "V151__shared_sort_keys_by_own_alphabet.java", "889b887569238813");

    @Test
    void noReleasedJavaMigrationHasChangedAndEveryOneIsListed() throws IOException {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(JAVA_MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                found.put(file.getFileName().toString(), checksum(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(found)
                .as("Java migrations must not change once released; a new one needs its line in RELEASED")
                .isEqualTo(new TreeMap<>(RELEASED));
    }

    private static String checksum(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
