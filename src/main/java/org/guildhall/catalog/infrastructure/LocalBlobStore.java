package org.guildhall.catalog.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.stream.Stream;
import org.guildhall.catalog.domain.BlobStore;
import org.guildhall.catalog.domain.Sha256;

/**
 * The content-addressed store on the local file system: {@code <root>/sha256/ab/cd/abcd…} for every
 * distinct digest. A file is written to {@code <root>/tmp} while it is hashed, then moved into place in
 * one atomic rename, so a reader never sees a partial file and a crash leaves only a temporary file,
 * which {@link #reclaimTemporaryFiles} removes.
 */
public class LocalBlobStore implements BlobStore {

    /** Large enough that hashing and disk writes run in big steps whatever pieces the network delivers. */
    private static final int BUFFER = 1024 * 1024;

    private final Path blobs;
    private final Path tmp;

    public LocalBlobStore(Path root) throws IOException {
        this.blobs = Files.createDirectories(root.resolve("sha256"));
        this.tmp = Files.createDirectories(root.resolve("tmp"));
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes, Optional<Sha256> expected) throws IOException {
        Path part = Files.createTempFile(tmp, "upload-", ".part");
        boolean kept = false;
        try {
            MessageDigest sha = sha256();
            long size = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = Channels.newOutputStream(FileChannel.open(part, StandardOpenOption.WRITE))) {
                // fill the buffer before each write: the network hands over a few KiB at a time
                for (int n; (n = content.readNBytes(buffer, 0, buffer.length)) > 0;) {
                    size += n;
                    if (size > maxBytes) {
                        throw new BlobTooLargeException(maxBytes);
                    }
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
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
            if (!kept) {
                Files.deleteIfExists(part);
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
