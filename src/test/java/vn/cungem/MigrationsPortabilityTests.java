package vn.cungem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Habits the migrations keep so that one schema behaves the same on H2 and PostgreSQL, beyond what
 * {@code SchemaParityIntegrationTests} can see in the catalogue.
 */
class MigrationsPortabilityTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db");
    private static final Pattern CHECK = Pattern.compile("(?is)\\bcheck\\s*\\((.*)");
    private static final Pattern IN_LIST = Pattern.compile("(?i)\\bin\\s*\\(");
    /** {@code x = 'A' or x = 'B'}: H2's optimiser turns it into the same IN list. */
    private static final Pattern OR_LIST = Pattern.compile("(?i)\\b(\\w+)\\s*=\\s*'[^']*'\\s+or\\s+\\1\\s*=");

    /**
     * H2 2.4 builds an IN-list check around the session that created it; once the pool retires that connection every
     * insert into the table fails with "Check constraint invalid ... The database has been closed". The try-it-out
     * mode runs on H2, so a check names its list as {@code x = any (array[...])}, which both databases read the same.
     */
    @Test
    void noCheckConstraintUsesAListThatH2TiesToAConnection() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                String sql = Files.readString(file).replaceAll("--[^\\n]*", "");
                for (String statement : sql.split(";")) {
                    Matcher check = CHECK.matcher(statement);
                    if (check.find()
                            && (IN_LIST.matcher(check.group(1)).find()
                                    || OR_LIST.matcher(check.group(1)).find())) {
                        offenders.add(MIGRATIONS.relativize(file) + ": "
                                + statement.strip().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
