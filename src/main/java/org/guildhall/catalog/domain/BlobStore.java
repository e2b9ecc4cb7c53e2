package org.guildhall.catalog.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The content-addressed store of files: one copy per distinct SHA-256. The local-disk store is the
 * default; an S3-compatible object store can implement the same contract when Guildhall is scaled out
 * (the keys are digests, so any node can serve any file).
 */
public interface BlobStore {

    /**
     * Streams {@code content} into the store, hashing on the way; nothing is held whole in memory. Either
     * the whole file is stored (or was already there) or nothing is: a failure leaves no partial file.
     *
     * @param maxBytes the largest size accepted
     * @param expected the digest the client announced, checked before the file is accepted; may be empty
     * @throws BlobTooLargeException when the content is longer than {@code maxBytes}
     * @throws DigestMismatchException when the content's digest is not {@code expected}
     * @throws IOException when reading the content or writing the store fails
     */
    StoredBlob put(InputStream content, long maxBytes, Optional<Sha256> expected) throws IOException;

    boolean contains(Sha256 digest);

    /** The file's size in bytes, or empty when it is not stored. */
    Optional<Long> size(Sha256 digest) throws IOException;

    /** Opens the stored file for reading, from {@code offset} on (for HTTP Range). */
    InputStream open(Sha256 digest, long offset) throws IOException;

    /** The result of a {@link #put}: the digest, the size, and whether this call added a new copy. */
    record StoredBlob(Sha256 digest, long size, boolean newlyStored) {
    }

    /** The content is longer than allowed; nothing was kept. */
    class BlobTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        public BlobTooLargeException(long maxBytes) {
            super("The file is larger than the limit of " + maxBytes + " bytes.");
        }
    }

    /** The content's digest is not what the client announced; nothing was kept. */
    class DigestMismatchException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Sha256 expected;
        private final transient Sha256 actual;

        public DigestMismatchException(Sha256 expected, Sha256 actual) {
            super("The file's SHA-256 is " + actual + ", not the expected " + expected + ".");
            this.expected = expected;
            this.actual = actual;
        }

        public Sha256 expected() {
            return expected;
        }

        public Sha256 actual() {
            return actual;
        }
    }
}
