package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.TestEnvironment.BASE_URL;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Hugging Face Hub's own JavaScript client ({@code @huggingface/hub} from npm, pinned in
 * {@code src/test/hub-client}) pointed at Guildhall: repository info, file info and downloads work unchanged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HubClientIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    static String run(Path dir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s: "
                    + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }

    @Test
    void theHubsJavaScriptClientReadsInfoAndDownloadsFiles() throws Exception {
        CatalogApiIT.awaitSearch("q=iris", r -> CatalogApiIT.ids(r).containsAll(List.of("alice/iris", "carol/iris-logreg")));
        Path dir = Files.createDirectories(Path.of("target", "hub-client"));
        for (String f : List.of("package.json", "package-lock.json", "check.mjs")) {
            Files.copy(Path.of("src/test/hub-client", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        run(dir, 300, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        String out = run(dir, 120, "node", "check.mjs", BASE_URL);
        JsonObject seen = TestEnvironment.json(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());

        JsonObject main = TestEnvironment.json(CatalogApiIT.get("/api/datasets/alice/iris?blobs=true", null).body());
        JsonObject csv = main.getJsonArray("siblings").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("rfilename").equals("data/iris.csv")).findFirst().orElseThrow();
        String sha = csv.getJsonObject("lfs").getString("sha256");
        long size = csv.getJsonNumber("size").longValue();

        JsonObject model = seen.getJsonObject("model");
        assertThat(model.getString("name")).isEqualTo("carol/iris-logreg");
        assertThat(model.getString("author")).isEqualTo("carol");
        assertThat(model.getString("task")).isEqualTo("tabular-classification");
        assertThat(model.getString("sha")).matches("[0-9a-f]{40}");
        assertThat(model.getJsonArray("datasets").getString(0)).isEqualTo("alice/iris");
        assertThat(seen.getJsonObject("dataset").getString("name")).isEqualTo("alice/iris");
        assertThat(seen.getJsonObject("info").getJsonNumber("size").longValue()).isEqualTo(size);
        assertThat(seen.getJsonObject("info").getString("etag")).contains(sha);
        assertThat(seen.getJsonObject("download").getJsonNumber("size").longValue()).isEqualTo(size);
        assertThat(seen.getJsonObject("download").getString("sha256")).isEqualTo(sha);
        assertThat(seen.getString("slice")).hasSize(12);
        assertThat(seen.isNull("missing")).isTrue();
    }
}
