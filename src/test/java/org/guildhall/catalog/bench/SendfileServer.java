package org.guildhall.catalog.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The least an HTTP server can do to send a file, as a reference for the transfer benchmark: every request on
 * loopback gets the one file, its bytes handed to the kernel ({@code FileChannel.transferTo}, i.e. sendfile) with
 * no framework, no buffer and no check. What a client reaches against it is the most any server can give that
 * client on this machine. Run with the source launcher: {@code java SendfileServer.java <file> <port>}.
 */
public final class SendfileServer {

    private SendfileServer() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1])));
            for (;;) {
                try (SocketChannel client = server.accept(); FileChannel in = FileChannel.open(file)) {
                    // the request itself is not read beyond its first bytes: there is only one answer (and none for a
                    // connection that closes without asking, such as the benchmark's check that the server is up)
                    if (client.read(ByteBuffer.allocate(16 * 1024)) < 0) {
                        continue;
                    }
                    long size = in.size();
                    ByteBuffer head = ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + size
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    while (head.hasRemaining()) {
                        client.write(head);
                    }
                    for (long sent = 0; sent < size;) {
                        sent += in.transferTo(sent, size - sent, client);
                    }
                } catch (IOException e) {
                    System.err.println("reference server: " + e.getMessage());
                }
            }
        }
    }
}
