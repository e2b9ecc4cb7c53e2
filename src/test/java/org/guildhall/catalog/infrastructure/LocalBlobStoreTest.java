package org.guildhall.catalog.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.guildhall.catalog.domain.BlobStore.BlobTooLargeException;
import org.guildhall.catalog.domain.BlobStore.DigestMismatchException;
import org.guildhall.catalog.domain.BlobStore.StoredBlob;
import org.guildhall.catalog.domain.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest {

    @TempDir
    Path root;
    LocalBlobStore store;

    @BeforeEach
    void open() throws IOException {
        store = new LocalBlobStore(root);
    }

    static Sha256 sha(byte[] bytes) throws Exception {
        return Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static long filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void storesAFileUnderItsSha256AndReadsItBackFromAnOffset() throws Exception {
        byte[] iris = "sepal_length,sepal_width\n5.1,3.5\n".getBytes(StandardCharsets.UTF_8);
        StoredBlob stored = store.put(new ByteArrayInputStream(iris), 1_000, Optional.empty());
        assertThat(stored.digest()).isEqualTo(sha(iris));
        assertThat(stored.size()).isEqualTo(iris.length);
        assertThat(stored.newlyStored()).isTrue();
        assertThat(store.contains(stored.digest())).isTrue();
        assertThat(store.size(stored.digest())).contains((long) iris.length);
        try (InputStream in = store.open(stored.digest(), 13)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("sepal_width\n5.1,3.5\n");
        }
    }

    @Test
    void theSameContentTwiceIsKeptOnce() throws Exception {
        byte[] data = "same bytes".getBytes(StandardCharsets.UTF_8);
        StoredBlob first = store.put(new ByteArrayInputStream(data), 100, Optional.empty());
        StoredBlob second = store.put(new ByteArrayInputStream(data), 100, Optional.empty());
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(second.newlyStored()).isFalse();
        assertThat(filesUnder(root.resolve("sha256"))).isEqualTo(1);
        assertThat(filesUnder(root.resolve("tmp"))).isZero();
    }

    @Test
    void aDigestMismatchKeepsNothing() throws Exception {
        byte[] data = "what the client sent".getBytes(StandardCharsets.UTF_8);
        Sha256 announced = sha("something else".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(data), 100, Optional.of(announced)))
                .isInstanceOf(DigestMismatchException.class).hasMessageContaining(announced.hex());
        assertThat(filesUnder(root)).isZero();
    }

    @Test
    void aFileOverTheLimitKeepsNothing() {
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[101]), 100, Optional.empty()))
                .isInstanceOf(BlobTooLargeException.class);
        assertThat(root.resolve("sha256")).isEmptyDirectory();
        assertThat(root.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void anUploadCutOffMidwayLeavesNoPartialFile() {
        InputStream broken = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 300_000) {
                    throw new IOException("connection reset by peer");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> store.put(broken, 10_000_000, Optional.empty())).hasMessageContaining("reset");
        assertThat(root.resolve("sha256")).isEmptyDirectory();
        assertThat(root.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void streamsLargeFilesWithoutHoldingThemInMemory() throws Exception {
        long size = 64L * 1024 * 1024;
        InputStream zeros = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        StoredBlob stored = store.put(zeros, size, Optional.empty());
        assertThat(stored.size()).isEqualTo(size);
        // SHA-256 of 64 MiB of zero bytes, computed independently (sha256sum)
        assertThat(stored.digest().hex()).isEqualTo("3b6a07d0d404fab4e23b6d34bc6696a6a312dd92821332385e5af7c01c421351");
    }

    @Test
    void reclaimsOnlyStaleTemporaryFiles() throws Exception {
        Path stale = Files.createFile(root.resolve("tmp/upload-1.part"));
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path fresh = Files.createFile(root.resolve("tmp/upload-2.part"));
        assertThat(store.reclaimTemporaryFiles(Duration.ofHours(6))).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }
}
