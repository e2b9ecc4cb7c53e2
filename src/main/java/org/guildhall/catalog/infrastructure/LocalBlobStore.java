package org.guildhall.catalog.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.guildhall.catalog.domain.BlobStore;
import org.guildhall.catalog.domain.Sha256;

/**
 * The content-addressed store on the local file system: {@code <root>/sha256/ab/cd/abcd…} for every
 * distinct digest. A file is written to {@code <root>/tmp} while it is hashed, then moved into place in
 * one atomic rename, so a reader never sees a partial file and a crash leaves only a temporary file,
 * which {@link #reclaimTemporaryFiles} removes. The file is hashed on a second thread while the next piece
 * is read and written, so that an upload runs at the speed of the slower of the two, not of their sum, and
 * what has arrived is flushed to disk in the background while the rest arrives.
 */
public class LocalBlobStore implements BlobStore {

    /** Large enough that hashing and disk writes run in big steps whatever pieces the network delivers. */
    private static final int BUFFER = 1024 * 1024;

    /** Pieces of an upload in flight between the thread that reads and writes it and the one that hashes it. */
    private static final int BUFFERS = 4;

    /** An upload's bytes written since the last flush to disk before the next one starts (in the background). */
    private static final long FLUSH_EVERY = 64L * 1024 * 1024;

    /** How long a piece may wait for the hashing thread before the upload is abandoned. */
    private static final long STALL_SECONDS = 300;

    private final Path blobs;
    private final Path tmp;
    private final Executor hashing;

    /** A store whose uploads are hashed on threads of its own (daemon threads, made as needed). */
    public LocalBlobStore(Path root) throws IOException {
        this(root, Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "blob-hashing");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * @param hashing runs the hashing of each upload while the caller's thread reads and writes it; it must run
     *        tasks on other threads (a managed executor in the container), never on the caller's
     */
    public LocalBlobStore(Path root, Executor hashing) throws IOException {
        this.blobs = Files.createDirectories(root.resolve("sha256"));
        this.tmp = Files.createDirectories(root.resolve("tmp"));
        this.hashing = hashing;
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes, Optional<Sha256> expected) throws IOException {
        Path part = Files.createTempFile(tmp, "upload-", ".part");
        boolean kept = false;
        // the caller's thread reads each piece and writes it to disk while another hashes the piece before it
        PipelinedDigest sha = new PipelinedDigest();
        hashing.execute(sha);
        try {
            long size = 0;
            long unflushed = 0;
            CompletableFuture<Void> flushing = CompletableFuture.completedFuture(null);
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
                for (;;) {
                    byte[] buffer = sha.freeBuffer();
                    // fill the buffer before each write: the network hands over a few KiB at a time
                    int n = content.readNBytes(buffer, 0, buffer.length);
                    if (n <= 0) {
                        break;
                    }
                    size += n;
                    if (size > maxBytes) {
                        throw new BlobTooLargeException(maxBytes);
                    }
                    ByteBuffer piece = ByteBuffer.wrap(buffer, 0, n);
                    while (piece.hasRemaining()) {
                        out.write(piece);
                    }
                    sha.hash(buffer, n);
                    // the disk writes what has arrived while more arrives, instead of all of it at the end
                    unflushed += n;
                    if (unflushed >= FLUSH_EVERY && flushing.isDone()) {
                        unflushed = 0;
                        flushing = CompletableFuture.runAsync(() -> flush(out), hashing);
                    }
                }
                awaitFlush(flushing);
            }
            Sha256 digest = Sha256.of(sha.digest());
            if (expected.isPresent() && !expected.get().equals(digest)) {
                throw new DigestMismatchException(expected.get(), digest);
            }
            Path target = pathOf(digest);
            if (Files.exists(target)) {
                return new StoredBlob(digest, size, false);
            }
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                return new StoredBlob(digest, size, false);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The file store needs a file system with atomic renames", e);
            }
            kept = true;
            return new StoredBlob(digest, size, true);
        } finally {
            sha.end();
            if (!kept) {
                Files.deleteIfExists(part);
            }
        }
    }

    private static void flush(FileChannel out) {
        try {
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitFlush(CompletableFuture<Void> flushing) throws IOException {
        try {
            flushing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    /**
     * SHA-256 over pieces handed over in order, computed on the thread that runs it while the next piece is read
     * and written; its few buffers go back and forth between the two threads, so an upload holds at most
     * {@link #BUFFERS} MiB of memory however large it is.
     */
    private static final class PipelinedDigest implements Runnable {

        private record Piece(byte[] bytes, int length) {
        }

        private static final Piece END = new Piece(null, -1);

        private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
        /** Room for every buffer and the end. */
        private final BlockingQueue<Piece> full = new ArrayBlockingQueue<>(BUFFERS + 1);
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private boolean ended;

        PipelinedDigest() {
            for (int i = 0; i < BUFFERS; i++) {
                free.add(new byte[BUFFER]);
            }
        }

        @Override
        public void run() {
            try {
                MessageDigest sha = sha256();
                for (Piece p = full.take(); p != END; p = full.take()) {
                    sha.update(p.bytes(), 0, p.length());
                    free.add(p.bytes());
                }
                result.complete(sha.digest());
            } catch (InterruptedException e) {
                result.completeExceptionally(e);
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        byte[] freeBuffer() throws IOException {
            try {
                byte[] b = free.poll(STALL_SECONDS, TimeUnit.SECONDS);
                if (b == null) {
                    throw new IOException("the upload's hashing made no progress for " + STALL_SECONDS + " s");
                }
                return b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("upload interrupted");
            }
        }

        void hash(byte[] bytes, int length) {
            // never blocks: at most BUFFERS pieces are out, and the queue has room for them and the end
            full.add(new Piece(bytes, length));
        }

        /** The digest of every piece handed over. */
        byte[] digest() throws IOException {
            end();
            try {
                return result.get(STALL_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("upload interrupted");
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("the upload could not be hashed", e);
            }
        }

        /** Lets the hashing thread finish (once): after the last piece, or when the upload is abandoned. */
        void end() {
            if (!ended) {
                ended = true;
                full.add(END);
            }
        }
    }

    @Override
    public boolean contains(Sha256 digest) {
        return Files.isRegularFile(pathOf(digest));
    }

    @Override
    public Optional<Long> size(Sha256 digest) throws IOException {
        try {
            return Optional.of(Files.size(pathOf(digest)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(Sha256 digest, long offset) throws IOException {
        FileChannel channel = FileChannel.open(pathOf(digest), StandardOpenOption.READ);
        try {
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Deletes temporary files of uploads that were cut off; returns how many. Run at start-up and daily. */
    public int reclaimTemporaryFiles(Duration olderThan) throws IOException {
        Instant limit = Instant.now().minus(olderThan);
        int removed = 0;
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path p : files.toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(limit) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    Path pathOf(Sha256 digest) {
        String hex = digest.hex();
        return blobs.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
