package org.guildhall.chain.infrastructure;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** A real anvil node (from contracts/node_modules, installed by the build) on a free loopback port, for tests. */
public final class AnvilNode implements AutoCloseable {

    /** Anvil's well-known development accounts 0 and 1 (dev-only keys, published by anvil). */
    public static final String KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    public static final String KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    private final Process process;
    private final int port;

    private AnvilNode(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static AnvilNode start(String... extra) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new java.util.ArrayList<>(List.of(binary().toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--chain-id", "31337", "--silent"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        AnvilNode node = new AnvilNode(p, port);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.url())).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return node;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("anvil did not start on port " + port);
            }
            Thread.sleep(50);
        }
    }

    static Path binary() throws IOException {
        Path base = Path.of("contracts/node_modules/@foundry-rs");
        if (Files.isDirectory(base)) {
            try (Stream<Path> dirs = Files.list(base)) {
                for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith("anvil-linux")).toList()) {
                    Path bin = d.resolve("bin/anvil");
                    if (Files.isExecutable(bin)) {
                        return bin;
                    }
                }
            }
        }
        throw new IllegalStateException("anvil is missing from contracts/node_modules: the build installs it (contracts/build.sh)");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

}
