package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guildhall started against a database that does not answer stops by itself, and says which settings to
 * fix. Runs a second, throw-away Liberty server (port 9082) made from the test server's configuration.
 */
class DatabaseOutageIT {

    static final Path WLP = Path.of("target/liberty/wlp");

    @Test
    void anUnreachableDatabaseStopsGuildhallWithAMessageNamingTheSetting() throws Exception {
        Path template = WLP.resolve("usr/servers/guildhall-it");
        Path server = WLP.resolve("usr/servers/guildhall-dbcheck");
        deleteTree(server);
        copyConfig(template, server);
        Files.createDirectories(server.resolve("dropins"));
        Files.copy(Path.of("target/guildhall.war"), server.resolve("dropins/guildhall.war"), StandardCopyOption.REPLACE_EXISTING);

        ProcessBuilder pb = new ProcessBuilder(WLP.resolve("bin/server").toString(), "run", "guildhall-dbcheck")
                .redirectErrorStream(true).redirectOutput(Path.of("target/dbcheck-server.log").toFile());
        pb.environment().put("GUILDHALL_HTTP_PORT", "9082");
        pb.environment().put("GUILDHALL_DATA_DIR", Path.of("target/dbcheck-data").toAbsolutePath().toString());
        // nothing listens on port 9: the connection is refused at once
        pb.environment().put("GUILDHALL_DB_URL", "jdbc:postgresql://127.0.0.1:9/guildhall");
        pb.environment().put("GUILDHALL_DB_USER", "guildhall");
        pb.environment().put("GUILDHALL_DB_PASSWORD", "not-a-real-password");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = pb.start();
        boolean exited = process.waitFor(240, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(Path.of("target/dbcheck-server.log"));
        assertThat(exited).as("Guildhall must stop by itself; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("Guildhall cannot reach its database at jdbc:postgresql://127.0.0.1:9/guildhall")
                .contains("GUILDHALL_DB_URL").doesNotContain("not-a-real-password");
    }

    static void copyConfig(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path rel = from.relativize(p);
                String first = rel.getNameCount() > 0 ? rel.getName(0).toString() : "";
                if (first.equals("logs") || first.equals("workarea") || first.equals("dropins") || first.equals("apps")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
