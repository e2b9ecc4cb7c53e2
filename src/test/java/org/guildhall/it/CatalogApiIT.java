package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.TestEnvironment.BASE_URL;
import static org.guildhall.it.TestEnvironment.accessToken;
import static org.guildhall.it.TestEnvironment.json;
import static org.guildhall.it.TestEnvironment.send;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalogue's REST API and Hub-compatible endpoints from outside, with real Keycloak tokens: create,
 * upload, publish, download (Range, ETag, digests), likes, download counting, search, and every bad input.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogApiIT {

    static final String CSV = "sepal_length,species\n5.1,setosa\n7.0,versicolor\n6.3,virginica\n";
    static String alice;
    static String bob;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    @BeforeAll
    static void tokens() {
        alice = accessToken("alice");
        bob = accessToken("bob");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    static HttpResponse<String> call(String method, String path, String token, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE_URL + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    static HttpResponse<String> get(String path, String token, String... headers) {
        return call("GET", path, token, null, null, headers);
    }

    static HttpResponse<String> sendJson(String method, String path, String token, String body) {
        return call(method, path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> upload(String asset, String path, String token, byte[] content, String... headers) {
        return call("PUT", "/api/v1/" + asset + "/draft/files/" + path, token, "application/octet-stream", content, headers);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static JsonObject ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r.body().isEmpty() ? null : json(r.body());
    }

    static JsonObject problem(HttpResponse<String> r, int status, String type) {
        return ApiIT.problem(r, status, type);
    }

    /** A new dataset of alice's with a unique name; returns {@code datasets/alice/<name>}. */
    static String newDataset(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        ok(sendJson("POST", "/api/v1/assets", alice, "{\"kind\":\"dataset\",\"name\":\"" + name + "\",\"summary\":\"Test data\"}"), 201);
        return "datasets/alice/" + name;
    }

    static String card(String extra) {
        return "---\nlicense: cc0-1.0\ntask: tabular-classification\ntags: [flowers, test]\nlanguage: [en]\n" + extra
                + "---\n# Flowers\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    }

    /** A published dataset with data.csv and a card; returns its path. */
    static String publishedDataset(String prefix) {
        String asset = newDataset(prefix);
        ok(upload(asset, "data/flowers.csv", alice, CSV.getBytes(StandardCharsets.UTF_8)), 200);
        ok(upload(asset, "README.md", alice, card("").getBytes(StandardCharsets.UTF_8)), 200);
        ok(sendJson("POST", "/api/v1/" + asset + "/draft/publish", alice, "{\"tag\":\"v1\"}"), 201);
        return asset;
    }

    // ---- the life of an asset -----------------------------------------------------------------------

    @Test
    void anAssetIsPrivateUntilPublishedThenEveryoneCanDownloadItsFilesWithHubHeaders() throws Exception {
        String asset = newDataset("flowers");
        assertThat(get("/api/v1/" + asset, null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/" + asset, bob).statusCode()).isEqualTo(404);
        assertThat(ok(get("/api/v1/" + asset, alice), 200).getBoolean("editable")).isTrue();

        byte[] csv = CSV.getBytes(StandardCharsets.UTF_8);
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(csv)) + ":";
        JsonObject up = ok(upload(asset, "data/flowers.csv", alice, csv, "Content-Digest", digest), 200);
        assertThat(up.getJsonObject("file").getString("sha256")).isEqualTo(sha256(csv));
        assertThat(up.getJsonObject("file").getJsonNumber("size").longValue()).isEqualTo(csv.length);
        ok(upload(asset, "README.md", alice, card("").getBytes(StandardCharsets.UTF_8)), 200);

        HttpResponse<String> published = sendJson("POST", "/api/v1/" + asset + "/draft/publish", alice, "{\"tag\":\"v1.0\"}");
        JsonObject v = ok(published, 201);
        assertThat(v.getInt("revision")).isEqualTo(1);
        assertThat(v.getString("tag")).isEqualTo("v1.0");
        assertThat(v.getString("contentHash")).matches("[0-9a-f]{64}");
        assertThat(published.headers().firstValue("Location")).get().asString().endsWith("/" + asset + "/versions/r1");

        // the content hash is SHA-256 of the sha256sum manifest sorted by path
        String manifest = sha256(card("").getBytes(StandardCharsets.UTF_8)) + "  README.md\n" + sha256(csv) + "  data/flowers.csv\n";
        assertThat(v.getString("contentHash")).isEqualTo(sha256(manifest.getBytes(StandardCharsets.UTF_8)));

        JsonObject seen = ok(get("/api/v1/" + asset, null), 200);
        assertThat(seen.getString("license")).isEqualTo("cc0-1.0");
        assertThat(seen.getString("task")).isEqualTo("tabular-classification");
        assertThat(seen.getBoolean("editable")).isFalse();

        JsonObject main = ok(get("/api/v1/" + asset + "/versions/main", null), 200);
        assertThat(main.getJsonArray("files").getValuesAs(JsonObject.class)).extracting(f -> f.getString("path"))
                .containsExactly("README.md", "data/flowers.csv");
        assertThat(ok(get("/api/v1/" + asset + "/versions/v1.0", null), 200).getJsonObject("version").getInt("revision")).isEqualTo(1);
        assertThat(ok(get("/api/v1/" + asset + "/versions/" + v.getString("contentHash").substring(0, 40), null), 200)
                .getJsonObject("version").getInt("revision")).isEqualTo(1);

        HttpResponse<String> file = get("/api/v1/" + asset + "/versions/main/files/data/flowers.csv", null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(CSV);
        assertThat(file.headers().firstValue("ETag")).contains("\"" + sha256(csv) + "\"");
        assertThat(file.headers().firstValue("X-Repo-Commit")).contains(v.getString("contentHash").substring(0, 40));
        assertThat(file.headers().firstValue("Content-Length")).contains(Integer.toString(csv.length));
        assertThat(file.headers().firstValue("Accept-Ranges")).contains("bytes");

        HttpResponse<String> part = get("/api/v1/" + asset + "/versions/r1/files/data/flowers.csv", null, "Range", "bytes=4-9");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(CSV.substring(4, 10));
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 4-9/" + csv.length);
        assertThat(part.headers().firstValue("Content-Length")).contains("6");

        HttpResponse<String> tail = get("/api/v1/" + asset + "/versions/main/files/data/flowers.csv", null, "Range", "bytes=-8");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(CSV.substring(CSV.length() - 8));

        HttpResponse<String> beyond = get("/api/v1/" + asset + "/versions/main/files/data/flowers.csv", null, "Range", "bytes=9999-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */" + csv.length);

        HttpResponse<String> cached = get("/api/v1/" + asset + "/versions/main/files/data/flowers.csv", null,
                "If-None-Match", "\"" + sha256(csv) + "\"");
        assertThat(cached.statusCode()).isEqualTo(304);
        assertThat(cached.body()).isEmpty();

        HttpResponse<String> head = call("HEAD", "/api/v1/" + asset + "/versions/main/files/data/flowers.csv", null, null, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains(Integer.toString(csv.length));
    }

    @Test
    void aPublishedVersionNeverChangesAndANewOneStartsFromItsFiles() throws Exception {
        String asset = publishedDataset("versions");
        String before = ok(get("/api/v1/" + asset + "/versions/r1", null), 200).getJsonObject("version").getString("contentHash");

        problem(sendJson("POST", "/api/v1/" + asset + "/draft/publish", alice, "{}"), 409, "conflict");
        JsonObject draft = ok(get("/api/v1/" + asset + "/draft", alice), 200);
        assertThat(draft.getJsonObject("version").getBoolean("draft")).isTrue();
        assertThat(draft.getJsonObject("version").getInt("revision")).isEqualTo(2);
        assertThat(draft.getJsonArray("files")).hasSize(2);
        JsonObject unchanged = problem(sendJson("POST", "/api/v1/" + asset + "/draft/publish", alice, "{}"), 409, "conflict");
        assertThat(unchanged.getString("detail")).contains("Nothing changed since v1");

        ok(upload(asset, "data/more.csv", alice, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)), 200);
        problem(sendJson("POST", "/api/v1/" + asset + "/draft/publish", alice, "{\"tag\":\"v1\"}"), 409, "conflict");
        JsonObject v2 = ok(sendJson("POST", "/api/v1/" + asset + "/draft/publish", alice, "{\"tag\":\"v2\"}"), 201);
        assertThat(v2.getInt("revision")).isEqualTo(2);

        JsonObject r1 = ok(get("/api/v1/" + asset + "/versions/r1", null), 200);
        assertThat(r1.getJsonObject("version").getString("contentHash")).isEqualTo(before);
        assertThat(r1.getJsonArray("files")).hasSize(2);
        assertThat(ok(get("/api/v1/" + asset + "/versions/main", null), 200).getJsonArray("files")).hasSize(3);
        JsonArray versions;
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(get("/api/v1/" + asset + "/versions", null).body()))) {
            versions = reader.readArray();
        }
        assertThat(versions.getValuesAs(JsonObject.class)).extracting(x -> x.getInt("revision")).containsExactly(2, 1);
        assertThat(get("/api/v1/" + asset + "/versions/draft", null).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyOwnersChangeAnAssetAndDraftsAreInvisibleToOthers() {
        String unpublished = newDataset("private");
        problem(upload(unpublished, "x.csv", bob, "a\n".getBytes(StandardCharsets.UTF_8)), 404, "not-found");
        String published = publishedDataset("public");
        problem(upload(published, "x.csv", bob, "a\n".getBytes(StandardCharsets.UTF_8)), 403, "forbidden");
        problem(sendJson("PATCH", "/api/v1/" + published, bob, "{\"summary\":\"mine now\"}"), 403, "forbidden");
        problem(sendJson("POST", "/api/v1/" + published + "/draft/publish", bob, "{}"), 403, "forbidden");
        problem(get("/api/v1/" + published + "/draft", bob), 403, "forbidden");
        assertThat(upload(published, "x.csv", null, "a\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(401);
        assertThat(ok(sendJson("PATCH", "/api/v1/" + published, alice, "{\"summary\":\"Better summary\"}"), 200).getString("summary"))
                .isEqualTo("Better summary");
    }

    @Test
    void badNamesAndDuplicatesAreRefusedWithTheReason() {
        JsonObject bad = problem(sendJson("POST", "/api/v1/assets", alice, "{\"kind\":\"dataset\",\"name\":\"no spaces!\"}"),
                422, "validation-failed");
        assertThat(bad.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("name");
        JsonObject tooLong = problem(sendJson("POST", "/api/v1/assets", alice, "{\"kind\":\"model\",\"name\":\"" + "x".repeat(97) + "\"}"),
                422, "validation-failed");
        assertThat(tooLong.getJsonArray("errors").getJsonObject(0).getString("message")).contains("96");
        JsonObject noKind = problem(sendJson("POST", "/api/v1/assets", alice, "{\"kind\":\"spreadsheet\",\"name\":\"ok\"}"),
                422, "validation-failed");
        assertThat(noKind.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("kind");
        problem(sendJson("POST", "/api/v1/assets", alice, "{\"kind\":\"dataset\",\"name\":\"..\"}"), 422, "validation-failed");

        String asset = newDataset("dupe");
        String name = asset.substring(asset.lastIndexOf('/') + 1);
        JsonObject dupe = problem(sendJson("POST", "/api/v1/assets", alice, "{\"kind\":\"dataset\",\"name\":\"" + name.toUpperCase() + "\"}"),
                409, "conflict");
        assertThat(dupe.getString("detail")).contains(name.toUpperCase());
        // the same name as a model is another asset
        ok(sendJson("POST", "/api/v1/assets", alice, "{\"kind\":\"model\",\"name\":\"" + name + "\"}"), 201);
    }

    @Test
    void unsafePathsEmptyFilesAndWrongDigestsAreRefusedAndNothingIsKept() throws Exception {
        String asset = newDataset("bad-input");
        byte[] data = "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8);
        // encoded dots, slashes and backslashes are refused by the web container before the application sees
        // them (400, still as problem+json); NUL even by the HTTP layer (its own 400). Nothing is kept.
        for (String path : List.of("a/%2E%2E/b.csv", "%2Fetc%2Fpasswd", "a%5Cb.csv")) {
            problem(upload(asset, path, alice, data), 400, "bad-request");
        }
        assertThat(upload(asset, "a%00b.csv", alice, data).statusCode()).isEqualTo(400);
        JsonObject emptySegment = problem(upload(asset, "a//b.csv", alice, data), 422, "validation-failed");
        assertThat(emptySegment.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("path");
        JsonObject longSegment = problem(upload(asset, "x".repeat(300) + ".csv", alice, data), 422, "validation-failed");
        assertThat(longSegment.getJsonArray("errors").getJsonObject(0).getString("message")).contains("255");

        JsonObject empty = problem(upload(asset, "empty.csv", alice, new byte[0]), 422, "validation-failed");
        assertThat(empty.getJsonArray("errors").getJsonObject(0).getString("message")).contains("empty");

        String wrong = "0".repeat(64);
        JsonObject mismatch = problem(upload(asset, "data.csv?sha256=" + wrong, alice, data), 422, "validation-failed");
        assertThat(mismatch.getJsonArray("errors").getJsonObject(0).getString("message")).contains(sha256(data)).contains(wrong);
        problem(upload(asset, "data.csv?sha256=xyz", alice, data), 422, "validation-failed");

        assertThat(ok(get("/api/v1/" + asset + "/draft", alice), 200).getJsonArray("files")).isEmpty();
        Path store = Path.of(System.getProperty("it.data.dir", "target/it-data"), "files", "sha256");
        String hex = sha256(data);
        assertThat(store.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex)).doesNotExist();

        JsonObject noDraftFiles = problem(sendJson("POST", "/api/v1/" + asset + "/draft/publish", alice, "{}"), 422, "validation-failed");
        assertThat(noDraftFiles.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("files");
    }

    @Test
    void aFileOverTheLimitIs413AndIsNotKept() {
        String asset = newDataset("too-large");
        long limit = Long.parseLong(System.getProperty("it.catalog.max-file-bytes", "1048576"));
        byte[] big = new byte[(int) limit + 1];
        new java.util.Random(7).nextBytes(big);
        problem(upload(asset, "big.bin", alice, big), 413, "payload-too-large");
        assertThat(ok(get("/api/v1/" + asset + "/draft", alice), 200).getJsonArray("files")).isEmpty();
    }

    @Test
    void anUploadCutOffMidwayLeavesNoFileAndNoTemporarySpace() throws Exception {
        String asset = newDataset("cut-off");
        URI uri = URI.create(BASE_URL);
        Path tmp = Path.of(System.getProperty("it.data.dir", "target/it-data"), "files", "tmp");
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            var out = socket.getOutputStream();
            out.write(("PUT /api/v1/" + asset + "/draft/files/half.bin HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: Bearer " + alice + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: 500000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[200_000]);
            out.flush();
            Thread.sleep(500);
        }
        // the server notices the broken connection, drops what it read and keeps nothing
        Instant deadline = Instant.now().plusSeconds(30);
        boolean clean;
        do {
            Thread.sleep(250);
            try (var files = Files.exists(tmp) ? Files.list(tmp) : java.util.stream.Stream.<Path>empty()) {
                clean = files.findAny().isEmpty();
            }
        } while (!clean && Instant.now().isBefore(deadline));
        assertThat(clean).as("temporary files left in " + tmp).isTrue();
        assertThat(ok(get("/api/v1/" + asset + "/draft", alice), 200).getJsonArray("files")).isEmpty();
    }

    @Test
    void theSameContentIsStoredOnce() throws Exception {
        String a = newDataset("same-a");
        String b = newDataset("same-b");
        byte[] data = ("shared," + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(ok(upload(a, "x.csv", alice, data), 200).getBoolean("newContent")).isTrue();
        assertThat(ok(upload(b, "y.csv", alice, data), 200).getBoolean("newContent")).isFalse();
        String hex = sha256(data);
        Path dir = Path.of(System.getProperty("it.data.dir", "target/it-data"), "files", "sha256", hex.substring(0, 2), hex.substring(2, 4));
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith(hex))).hasSize(1);
        }
    }

    @Test
    void aCardWithProblemsIsNotPublishedAndTheLineIsNamed() {
        String asset = newDataset("bad-card");
        ok(upload(asset, "data.csv", alice, "a\n1\n".getBytes(StandardCharsets.UTF_8)), 200);
        ok(upload(asset, "README.md", alice, "---\nlicense: cc0-1.0\ntags:\n  - ok\n  - {nested: map}\n---\n# x\n"
                .getBytes(StandardCharsets.UTF_8)), 200);
        JsonObject p = problem(sendJson("POST", "/api/v1/" + asset + "/draft/publish", alice, "{}"), 422, "validation-failed");
        assertThat(p.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("README.md");
        assertThat(p.getJsonArray("errors").getJsonObject(0).getString("message")).contains("line 3").contains("tags");
        assertThat(get("/api/v1/" + asset, null).statusCode()).isEqualTo(404);
    }

    @Test
    void likesCountOncePerAccount() {
        String asset = publishedDataset("liked");
        assertThat(ok(call("PUT", "/api/v1/" + asset + "/like", bob, null, null), 200).getInt("likes")).isEqualTo(1);
        JsonObject again = ok(call("PUT", "/api/v1/" + asset + "/like", bob, null, null), 200);
        assertThat(again.getInt("likes")).isEqualTo(1);
        assertThat(again.getBoolean("liked")).isTrue();
        assertThat(ok(get("/api/v1/" + asset, bob), 200).getBoolean("liked")).isTrue();
        assertThat(ok(call("DELETE", "/api/v1/" + asset + "/like", bob, null, null), 200).getInt("likes")).isZero();
        assertThat(call("PUT", "/api/v1/" + asset + "/like", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aDownloadCountsOncePerClientVersionAndDayHoweverManyRequests() {
        String asset = publishedDataset("counted");
        String file = "/api/v1/" + asset + "/versions/main/files/data/flowers.csv";
        assertThat(ok(get("/api/v1/" + asset, null), 200).getInt("downloads")).isZero();
        get(file, bob);
        get(file, bob);
        get(file, bob, "Range", "bytes=0-3");
        get(file, bob, "Range", "bytes=4-");
        call("HEAD", file, bob, null, null);
        assertThat(ok(get("/api/v1/" + asset, null), 200).getInt("downloads")).isEqualTo(1);
        get(file, alice);
        get(file, null);
        get(file, null);
        assertThat(ok(get("/api/v1/" + asset, null), 200).getInt("downloads")).isEqualTo(3);
    }

    // ---- search, demo data, lineage, Hub ------------------------------------------------------------

    static JsonObject awaitSearch(String query, java.util.function.Predicate<JsonObject> until) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        JsonObject r;
        do {
            r = ok(get("/api/v1/search?" + query, null), 200);
            if (until.test(r)) {
                return r;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        return r;
    }

    static List<String> ids(JsonObject result) {
        return result.getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                .map(h -> h.getString("owner") + "/" + h.getString("name")).toList();
    }

    @Test
    void theDemoCatalogueIsSeededAndFoundWithFacets() throws Exception {
        JsonObject r = awaitSearch("q=iris", x -> ids(x).contains("alice/iris") && ids(x).contains("carol/iris-logreg"));
        assertThat(ids(r)).contains("alice/iris", "carol/iris-logreg", "carol/iris-logreg-v2");
        assertThat(ids(r).get(0)).isIn("alice/iris", "carol/iris-logreg");

        JsonObject datasets = ok(get("/api/v1/search?q=iris&kind=dataset", null), 200);
        assertThat(ids(datasets)).containsExactly("alice/iris");
        JsonObject facets = datasets.getJsonObject("facets");
        // the kind facet ignores its own filter: models still count
        assertThat(facets.getJsonArray("KIND").getValuesAs(JsonObject.class)).extracting(f -> f.getString("value"))
                .contains("DATASET", "MODEL");
        assertThat(facets.getJsonArray("LICENSE").getValuesAs(JsonObject.class)).extracting(f -> f.getString("value"))
                .contains("cc0-1.0");

        JsonObject byLicense = ok(get("/api/v1/search?license=mit&sort=updated", null), 200);
        assertThat(byLicense.getJsonArray("hits").getValuesAs(JsonObject.class)).isNotEmpty()
                .allSatisfy(h -> assertThat(h.getString("license")).isEqualTo("mit"));
        problem(get("/api/v1/search?sort=sideways", null), 400, "bad-request");
        problem(get("/api/v1/search?limit=1000", null), 400, "bad-request");
        assertThat(ok(get("/api/v1/search?q=" + java.net.URLEncoder.encode("a:b (c\" AND ~", StandardCharsets.UTF_8), null), 200)
                .getInt("total")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aPublishedAssetIsFoundBySearchAndItsCountsFollow() throws Exception {
        String asset = publishedDataset("searchable");
        String name = asset.substring(asset.lastIndexOf('/') + 1);
        JsonObject r = awaitSearch("q=" + name, x -> ids(x).contains("alice/" + name));
        assertThat(ids(r)).contains("alice/" + name);
        call("PUT", "/api/v1/" + asset + "/like", bob, null, null);
        JsonObject liked = awaitSearch("q=" + name, x -> x.getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                .anyMatch(h -> h.getString("name").equals(name) && h.getInt("likes") == 1));
        assertThat(liked.getJsonArray("hits").getJsonObject(0).getInt("likes")).isEqualTo(1);
        String unpublished = newDataset("hidden-from-search");
        String hidden = unpublished.substring(unpublished.lastIndexOf('/') + 1);
        assertThat(ok(get("/api/v1/search?q=" + hidden, null), 200).getJsonArray("hits").getValuesAs(JsonObject.class))
                .noneMatch(h -> h.getString("name").equals(hidden));
    }

    @Test
    void lineageDeclaredInCardsLinksAssetsBothWays() throws Exception {
        awaitSearch("q=iris-logreg-v2", x -> ids(x).contains("carol/iris-logreg-v2"));
        JsonObject up = ok(get("/api/v1/models/carol/iris-logreg-v2/lineage", null), 200);
        assertThat(up.getJsonArray("upstream").getValuesAs(JsonObject.class))
                .anySatisfy(e -> {
                    assertThat(e.getString("relation")).isEqualTo("BASE_MODEL");
                    assertThat(e.getJsonObject("to").getString("name")).isEqualTo("iris-logreg");
                    assertThat(e.getBoolean("exists")).isTrue();
                });
        JsonObject down = ok(get("/api/v1/datasets/alice/iris/lineage", null), 200);
        assertThat(down.getJsonArray("downstream").getValuesAs(JsonObject.class))
                .extracting(e -> e.getJsonObject("from").getString("name")).contains("iris-logreg");
    }

    @Test
    void theHubEndpointsAnswerInTheHubsShape() throws Exception {
        awaitSearch("q=iris", x -> ids(x).contains("carol/iris-logreg"));
        JsonObject model = ok(get("/api/models/carol/iris-logreg", null), 200);
        assertThat(model.getString("id")).isEqualTo("carol/iris-logreg");
        assertThat(model.getString("modelId")).isEqualTo("carol/iris-logreg");
        assertThat(model.getString("author")).isEqualTo("carol");
        assertThat(model.getString("sha")).matches("[0-9a-f]{40}");
        assertThat(model.getBoolean("private")).isFalse();
        assertThat(model.getJsonArray("siblings").getValuesAs(JsonObject.class)).extracting(s -> s.getString("rfilename"))
                .contains("README.md", "model.json");
        assertThat(model.getJsonObject("cardData").getJsonArray("datasets").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).contains("alice/iris");

        JsonObject v10 = ok(get("/api/datasets/alice/iris/revision/v1.0", null), 200);
        JsonObject main = ok(get("/api/datasets/alice/iris?blobs=true", null), 200);
        assertThat(v10.getString("sha")).isNotEqualTo(main.getString("sha"));
        assertThat(v10.getJsonArray("siblings")).hasSize(2);
        JsonObject sibling = main.getJsonArray("siblings").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("rfilename").equals("data/iris.csv")).findFirst().orElseThrow();
        assertThat(sibling.getJsonObject("lfs").getString("sha256")).matches("[0-9a-f]{64}");

        HttpResponse<String> head = call("HEAD", "/datasets/alice/iris/resolve/main/data/iris.csv", null, null, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("X-Repo-Commit")).contains(main.getString("sha"));
        assertThat(head.headers().firstValue("ETag")).contains("\"" + sibling.getJsonObject("lfs").getString("sha256") + "\"");
        assertThat(head.headers().firstValue("Content-Length")).contains(Long.toString(sibling.getJsonNumber("size").longValue()));
        HttpResponse<String> range = get("/datasets/alice/iris/resolve/" + v10.getString("sha") + "/data/iris.csv", null,
                "Range", "bytes=0-11");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(12);
        HttpResponse<String> modelFile = get("/carol/iris-logreg/resolve/main/config.json", null);
        assertThat(modelFile.statusCode()).isEqualTo(200);
        assertThat(json(modelFile.body())).isNotNull();
        problem(get("/api/models/carol/no-such-model", null), 404, "not-found");
        problem(get("/carol/iris-logreg/resolve/main/missing.txt", null), 404, "not-found");
    }
}
