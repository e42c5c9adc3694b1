package vn.cungem.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * Try-it-out mode keeps its data in an embedded H2 file: a write answered as done must survive the process being killed
 * (kill -9, a power button, an out-of-memory kill) right after. A separate JVM commits rows over the JDBC URL of
 * application.yml (pointed at a temporary file), prints each one once committed, and is killed with SIGKILL as soon
 * as it has acknowledged enough; the file is then reopened and every acknowledged row must be there.
 */
class H2DurabilityTests {

    private static final int ACKNOWLEDGED = 300;

    @Test
    void everyAcknowledgedCommitSurvivesAKill(@TempDir Path dir) throws Exception {
        String url = fileUrl(dir.resolve("cungem"));
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(
                        java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), Writer.class.getName(), url)
                .redirectErrorStream(true)
                .start();
        int lastAcknowledged = 0;
        StringBuilder output = new StringBuilder();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (lastAcknowledged < ACKNOWLEDGED && System.nanoTime() < deadline && (line = in.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    lastAcknowledged = Integer.parseInt(line.substring(4));
                } else {
                    output.append(line).append('\n');
                }
            }
            // SIGKILL right after the last acknowledgement: no shutdown hook, no close, no last flush.
            writer.destroyForcibly();
            assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastAcknowledged)
                .as("the writer acknowledged commits; its output:\n%s", output)
                .isEqualTo(ACKNOWLEDGED);

        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement create = c.createStatement()) {
                // Lost with the rest when nothing reached the file: then the count below is 0, not an SQL error.
                create.execute("create table if not exists probe (id int primary key, note varchar(200))");
            }
            PreparedStatement s = c.prepareStatement("select count(*) from probe where id <= ?");
            s.setInt(1, lastAcknowledged);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("acknowledged commits found after the kill")
                        .isEqualTo(lastAcknowledged);
            }
        }
    }

    /** The URL the application uses in its default profile, with the file moved to {@code file}. */
    static String fileUrl(Path file) throws Exception {
        var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        String url = String.valueOf(sources.get(0).getProperty("spring.datasource.url"));
        assertThat(url).startsWith("jdbc:h2:file:");
        return url.replaceFirst(
                "^jdbc:h2:file:[^;]+",
                "jdbc:h2:file:" + file.toAbsolutePath().toString().replace('\\', '/'));
    }

    /** The process that is killed: commits one row per transaction and acknowledges it on standard output. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
                try (Statement s = c.createStatement()) {
                    s.execute("create table probe (id int primary key, note varchar(200))");
                }
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("insert into probe (id, note) values (?, ?)")) {
                    for (int i = 1; ; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, "cam kết " + i);
                        insert.executeUpdate();
                        c.commit();
                        System.out.println("ACK " + i);
                        System.out.flush();
                    }
                }
            }
        }
    }
}
