package org.guildhall.catalog.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
                Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        StoredBlob stored = store.put(zeros, size, Optional.empty());
        assertThat(stored.size()).isEqualTo(size);
        // SHA-256 of 64 MiB of zero bytes, computed independently (sha256sum)
        assertThat(stored.digest().hex()).isEqualTo("3b6a07d0d404fab4e23b6d34bc6696a6a312dd92821332385e5af7c01c421351");
    }

    /** Bytes that differ from one position to the next, so that a piece written at a wrong offset shows. */
    static byte[] counting(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + i / 4096);
        }
        return b;
    }

    @Test
    void writesWithDirectIoWhereTheFileSystemTakesItAndThroughTheCacheWhenAskedTo() throws Exception {
        // the build directory is on the project's disk (ext4 or xfs take direct I/O; tmpfs may not)
        Path onDisk = Files.createDirectories(Path.of("target", "blob-store-test"));
        assertThat(new LocalBlobStore(onDisk).writesDirect()).isTrue();
        assertThat(new LocalBlobStore(onDisk, ForkJoinPool.commonPool(), false).writesDirect()).isFalse();
    }

    @Test
    void directAndCachedWritesKeepTheSameBytesWhateverTheSizeAgainstBlocksAndPieces() throws Exception {
        Path onDisk = Files.createDirectories(Path.of("target", "blob-store-test"));
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            LocalBlobStore direct = new LocalBlobStore(Files.createTempDirectory(onDisk, "direct"), threads, true);
            LocalBlobStore cached = new LocalBlobStore(Files.createTempDirectory(onDisk, "cached"), threads, false);
            int mib = 1024 * 1024;
            for (int size : new int[] {1, 511, 4095, 4096, 4097, mib - 1, mib, mib + 1, 3 * mib + 12_345}) {
                byte[] data = counting(size);
                for (LocalBlobStore s : List.of(direct, cached)) {
                    StoredBlob stored = s.put(new ByteArrayInputStream(data), size, Optional.of(sha(data)));
                    assertThat(stored.size()).as("size %d", size).isEqualTo(size);
                    assertThat(Files.size(s.pathOf(stored.digest()))).as("size on disk for %d", size).isEqualTo(size);
                    try (InputStream in = s.open(stored.digest(), 0)) {
                        assertThat(in.readAllBytes()).as("content of %d bytes", size).isEqualTo(data);
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aLargeFileIsReadAheadFromAnyOffsetAndSentWhole() throws Exception {
        int size = 20 * 1024 * 1024 + 777;
        byte[] data = counting(size);
        StoredBlob stored = store.put(new ByteArrayInputStream(data), size, Optional.empty());
        for (long offset : new long[] {0, 1, 1024 * 1024, 11L * 1024 * 1024 + 5}) {
            try (InputStream in = store.open(stored.digest(), offset)) {
                assertThat(in).isInstanceOf(ReadAhead.class);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                assertThat(in.transferTo(out)).isEqualTo(size - offset);
                assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(data, (int) offset, size));
                assertThat(in.read()).isEqualTo(-1);
            }
        }
        // read by the byte and by odd-sized pieces, across the pieces the readers fill in turn
        try (InputStream in = store.open(stored.digest(), 9L * 1024 * 1024)) {
            assertThat(in.read()).isEqualTo(data[9 * 1024 * 1024] & 0xff);
            byte[] some = new byte[3_000_001];
            int got = in.readNBytes(some, 0, some.length);
            assertThat(got).isEqualTo(some.length);
            assertThat(some).isEqualTo(Arrays.copyOfRange(data, 9 * 1024 * 1024 + 1, 9 * 1024 * 1024 + 1 + some.length));
        }
    }

    @Test
    void closingADownloadMidwayStopsItsReaders() throws Exception {
        ThreadPoolExecutor threads = (ThreadPoolExecutor) Executors.newCachedThreadPool();
        try {
            LocalBlobStore s = new LocalBlobStore(root.resolve("own"), threads, true);
            int size = 32 * 1024 * 1024;
            StoredBlob stored = s.put(new ByteArrayInputStream(counting(size)), size, Optional.empty());
            try (InputStream in = s.open(stored.digest(), 0)) {
                assertThat(in.readNBytes(1000)).hasSize(1000);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (threads.getActiveCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(threads.getActiveCount()).as("reading tasks still running").isZero();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anUploadTheExecutorRefusesLeavesNoTemporaryFileAndNoTaskBehind() throws Exception {
        // as a container's executor does while the application stops: every task refused, or only from the second on
        for (int accepted : new int[] {0, 1}) {
            ExecutorService threads = Executors.newCachedThreadPool();
            AtomicInteger asked = new AtomicInteger();
            Executor refusing = task -> {
                if (asked.getAndIncrement() >= accepted) {
                    throw new RejectedExecutionException("shutting down");
                }
                threads.execute(task);
            };
            LocalBlobStore s = new LocalBlobStore(root.resolve("refusing-" + accepted), refusing, true);
            assertThatThrownBy(() -> s.put(new ByteArrayInputStream(new byte[10]), 100, Optional.empty()))
                    .satisfiesAnyOf(e -> assertThat(e).isInstanceOf(RejectedExecutionException.class),
                            e -> assertThat(e).isInstanceOf(IOException.class).hasCauseInstanceOf(RejectedExecutionException.class));
            assertThat(root.resolve("refusing-" + accepted + "/tmp")).isEmptyDirectory();
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).as("the tasks that started have ended").isTrue();
        }
    }

    @Test
    void aSlowUploadHoldsNoThreadWhileItWaitsForTheNextPiece() throws Exception {
        ThreadPoolExecutor threads = (ThreadPoolExecutor) Executors.newCachedThreadPool();
        try {
            LocalBlobStore s = new LocalBlobStore(root.resolve("slow"), threads, true);
            CountDownLatch firstPieceSent = new CountDownLatch(1);
            CountDownLatch goOn = new CountDownLatch(1);
            byte[] piece = counting(1024 * 1024);
            InputStream slow = new InputStream() {
                int sent;

                @Override
                public int read() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (sent == 2 * piece.length) {
                        return -1;
                    }
                    if (sent == piece.length) {
                        firstPieceSent.countDown();
                        try {
                            goOn.await();
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                    }
                    int at = sent % piece.length;
                    int n = Math.min(len, piece.length - at);
                    System.arraycopy(piece, at, b, off, n);
                    sent += n;
                    return n;
                }
            };
            Future<StoredBlob> upload = Executors.newSingleThreadExecutor().submit(
                    () -> s.put(slow, 10L * piece.length, Optional.empty()));
            assertThat(firstPieceSent.await(10, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (threads.getActiveCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(threads.getActiveCount()).as("threads busy while the client sends nothing").isZero();
            goOn.countDown();
            byte[] both = new byte[2 * piece.length];
            System.arraycopy(piece, 0, both, 0, piece.length);
            System.arraycopy(piece, 0, both, piece.length, piece.length);
            assertThat(upload.get(30, TimeUnit.SECONDS).digest()).isEqualTo(sha(both));
        } finally {
            threads.shutdownNow();
        }
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
