package org.guildhall.catalog.infrastructure;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
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
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.guildhall.catalog.domain.BlobStore;
import org.guildhall.catalog.domain.Sha256;

/**
 * The content-addressed store on the local file system: {@code <root>/sha256/ab/cd/abcd…} for every
 * distinct digest. A file is written to {@code <root>/tmp} while it is hashed, then moved into place in
 * one atomic rename, so a reader never sees a partial file and a crash leaves only a temporary file,
 * which {@link #reclaimTemporaryFiles} removes. The caller's thread reads an upload piece by piece while
 * executor tasks hash the pieces and write them to disk (with direct I/O where the file system allows it,
 * see {@link DiskWriter}), so that an upload runs at the speed of the slowest of the three, not of their sum.
 */
public class LocalBlobStore implements BlobStore {

    private static final Logger LOG = Logger.getLogger(LocalBlobStore.class.getName());

    /** Large enough that hashing and disk writes run in big steps whatever pieces the network delivers. */
    private static final int BUFFER = 1024 * 1024;

    /** Pieces of an upload on their way between the thread that reads it and those that hash and write it. */
    private static final int BUFFERS = 8;

    /** Without direct I/O, the bytes written before they are flushed to disk, so that little is left for the end. */
    private static final long FLUSH_EVERY = 64L * 1024 * 1024;

    /** Files read from at least this far from their end are read ahead on other threads ({@link ReadAhead}). */
    private static final long READ_AHEAD_FROM = 8L * 1024 * 1024;

    private final Path blobs;
    private final Path tmp;
    private final Executor workers;
    /** Whether uploads are written with direct I/O: asked for, and taken by the file system (probed once). */
    private final boolean direct;

    /** A store whose uploads are hashed and written on threads of its own (daemon threads, made as needed). */
    public LocalBlobStore(Path root) throws IOException {
        this(root, Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "blob-store");
            t.setDaemon(true);
            return t;
        }), true);
    }

    /**
     * @param workers runs the hashing and the writing of each upload while the caller's thread reads it; it must run
     *        tasks on other threads (a managed executor in the container), never on the caller's, two per upload
     * @param direct whether to write with direct I/O where the file system allows it
     */
    public LocalBlobStore(Path root, Executor workers, boolean direct) throws IOException {
        this.blobs = Files.createDirectories(root.resolve("sha256"));
        this.tmp = Files.createDirectories(root.resolve("tmp"));
        this.workers = workers;
        this.direct = direct && takesDirectIo(tmp);
    }

    private static boolean takesDirectIo(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, "probe-", ".part");
        try (DiskWriter w = DiskWriter.open(probe, true)) {
            return w instanceof Direct;
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** Whether uploads to this store are written with direct I/O (false where its file system does not take it). */
    public boolean writesDirect() {
        return direct;
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes, Optional<Sha256> expected) throws IOException {
        Path part = Files.createTempFile(tmp, "upload-", ".part");
        boolean kept = false;
        Pipeline pipeline = null;
        try {
            // the caller's thread reads the pieces; executor tasks hash them and write them to disk
            pipeline = new Pipeline(part);
            long size = 0;
            for (;;) {
                byte[] buffer = pipeline.freeBuffer();
                // fill the buffer before handing it on: the network hands over a few KiB at a time
                int n = content.readNBytes(buffer, 0, buffer.length);
                if (n <= 0) {
                    break;
                }
                size += n;
                if (size > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                pipeline.pass(buffer, n);
            }
            Sha256 digest = Sha256.of(pipeline.finish());
            if (expected.isPresent() && !expected.get().equals(digest)) {
                throw new DigestMismatchException(expected.get(), digest);
            }
            Path target = pathOf(digest);
            if (Files.exists(target)) {
                return new StoredBlob(digest, size, false);
            }
            Files.createDirectories(target.getParent());
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
            if (pipeline != null) {
                pipeline.end();
            }
            if (!kept) {
                Files.deleteIfExists(part);
            }
        }
    }

    /**
     * One upload's pieces on their way: the caller's thread fills a buffer and passes it on; the piece is folded into
     * the SHA-256 by one task and put on disk by another, and the buffer comes back once both are done with it. The
     * hashing tasks run one after the other (each chained to the one before), and so do the writing tasks, but the
     * two chains run side by side; a task runs only while it has a piece, so a slow client holds no thread. The few
     * buffers go round, so an upload holds at most {@link #BUFFERS} MiB (and one aligned MiB for the disk) however
     * large it is.
     */
    private final class Pipeline {

        private record Piece(byte[] bytes, int length, AtomicInteger users) {
        }

        private static final String STORING = "storing the upload";

        private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
        private final AtomicReference<DiskWriter> disk = new AtomicReference<>();
        private CompletableFuture<MessageDigest> hashing;
        private CompletableFuture<DiskWriter> writing;
        private boolean ended;

        Pipeline(Path part) {
            for (int i = 0; i < BUFFERS; i++) {
                free.add(new byte[BUFFER]);
            }
            hashing = CompletableFuture.completedFuture(sha256());
            writing = CompletableFuture.supplyAsync(FileTasks.io(() -> {
                DiskWriter w = DiskWriter.open(part, direct);
                disk.set(w);
                return w;
            }), workers);
        }

        byte[] freeBuffer() throws IOException {
            for (long waited = 0; waited < FileTasks.STALL_SECONDS; waited++) {
                failFast();
                byte[] b;
                try {
                    b = free.poll(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("upload interrupted");
                }
                if (b != null) {
                    return b;
                }
            }
            throw new IOException("the upload's hashing or writing made no progress for " + FileTasks.STALL_SECONDS + " s");
        }

        void pass(byte[] buffer, int length) {
            Piece p = new Piece(buffer, length, new AtomicInteger(2));
            hashing = hashing.thenApplyAsync(sha -> {
                sha.update(p.bytes(), 0, p.length());
                done(p);
                return sha;
            }, workers);
            writing = writing.thenApplyAsync(FileTasks.step(w -> {
                w.write(p.bytes(), p.length());
                done(p);
            }), workers);
        }

        /** Waits for the last piece to be hashed and to be on disk; the digest of every piece passed. */
        byte[] finish() throws IOException {
            byte[] digest = FileTasks.result(hashing.thenApply(MessageDigest::digest), STORING);
            FileTasks.result(writing.thenApply(FileTasks.step(DiskWriter::finish)), STORING);
            return digest;
        }

        /** Once the writing has stopped (done, failed or abandoned), the file is closed. */
        void end() {
            if (!ended) {
                ended = true;
                writing.whenComplete((w, failure) -> {
                    DiskWriter d = disk.get();
                    if (d != null) {
                        try {
                            d.close();
                        } catch (IOException e) {
                            LOG.log(Level.FINE, "closing an upload's temporary file", e);
                        }
                    }
                });
            }
        }

        private void done(Piece p) {
            if (p.users().decrementAndGet() == 0) {
                free.add(p.bytes());
            }
        }

        private void failFast() throws IOException {
            if (writing.isCompletedExceptionally()) {
                FileTasks.result(writing, STORING);
            }
            if (hashing.isCompletedExceptionally()) {
                FileTasks.result(hashing, STORING);
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
            if (channel.size() - offset >= READ_AHEAD_FROM) {
                return new ReadAhead(channel, offset, BUFFER, workers);
            }
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Puts an upload's pieces on disk, every one of them durable once {@link #finish} returns. Direct I/O where the
     * file system takes it: the pieces go from an aligned buffer to the disk without passing through the page
     * cache, which halves the CPU an upload costs (no copy into the cache, no write-back afterwards, nothing left
     * for the final {@code fsync}) and leaves the cache to what is read. Elsewhere (tmpfs, some network file
     * systems) the pieces are written through the cache and flushed every {@link #FLUSH_EVERY} bytes.
     */
    abstract static class DiskWriter implements Closeable {

        final FileChannel out;

        DiskWriter(FileChannel out) {
            this.out = out;
        }

        static DiskWriter open(Path part, boolean direct) throws IOException {
            if (direct) {
                try {
                    return Direct.open(part);
                } catch (IOException | UnsupportedOperationException e) {
                    LOG.log(Level.FINE, e, () -> "no direct I/O for " + part.getParent() + ", uploads are written through the page cache");
                }
            }
            return new Buffered(FileChannel.open(part, StandardOpenOption.WRITE));
        }

        /** Appends {@code length} bytes; a piece shorter than the one before may only be the last. */
        abstract void write(byte[] bytes, int length) throws IOException;

        /** Everything written is on disk. */
        abstract void finish() throws IOException;

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private static final class Direct extends DiskWriter {
        private final int block;
        private final ByteBuffer aligned;
        private long size;
        private boolean padded;

        private Direct(FileChannel out, int block, ByteBuffer aligned) {
            super(out);
            this.block = block;
            this.aligned = aligned;
        }

        static Direct open(Path part) throws IOException {
            int block = Math.toIntExact(Files.getFileStore(part).getBlockSize());
            if (block <= 0 || BUFFER % block != 0) {
                throw new IOException("block size " + block + " does not divide the buffer size");
            }
            ByteBuffer aligned = ByteBuffer.allocateDirect(BUFFER + block).alignedSlice(block);
            return new Direct(FileChannel.open(part, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT), block, aligned);
        }

        @Override
        void write(byte[] bytes, int length) throws IOException {
            if (padded) {
                throw new IllegalStateException("only the last piece of an upload may be shorter than a block");
            }
            // direct I/O moves whole blocks: a last piece that ends inside one is padded, and the file cut back after
            int whole = (length + block - 1) / block * block;
            aligned.clear();
            aligned.put(bytes, 0, length);
            while (aligned.position() < whole) {
                aligned.put((byte) 0);
            }
            aligned.flip();
            long at = size;
            while (aligned.hasRemaining()) {
                at += out.write(aligned, at);
            }
            size += length;
            padded = whole != length;
        }

        @Override
        void finish() throws IOException {
            if (padded) {
                out.truncate(size);
            }
            out.force(true);
        }
    }

    private static final class Buffered extends DiskWriter {
        private long unflushed;

        Buffered(FileChannel out) {
            super(out);
        }

        @Override
        void write(byte[] bytes, int length) throws IOException {
            ByteBuffer piece = ByteBuffer.wrap(bytes, 0, length);
            while (piece.hasRemaining()) {
                out.write(piece);
            }
            // the disk writes what has arrived while more arrives, instead of all of it at the end
            unflushed += length;
            if (unflushed >= FLUSH_EVERY) {
                unflushed = 0;
                out.force(false);
            }
        }

        @Override
        void finish() throws IOException {
            out.force(true);
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
