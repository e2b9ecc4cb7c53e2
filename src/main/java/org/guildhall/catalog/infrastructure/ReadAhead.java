package org.guildhall.catalog.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A stored file read ahead of its reader, for large downloads: the next {@link #AHEAD} pieces are being read by
 * tasks of an executor while the reader sends the one before them (a disk answers several requests at a time
 * faster than one after the other, and a cold file is then read while the network sends). A task runs only while
 * it reads a piece, so a slow client holds no thread; a download holds {@code AHEAD + 1} pieces however large the
 * file is. Closing the stream drops what was read ahead and closes the file.
 */
final class ReadAhead extends InputStream {

    private static final int AHEAD = 3;

    private record Piece(byte[] bytes, int length) {
    }

    private final FileChannel file;
    private final long start;
    private final long end;
    private final int pieceSize;
    private final Executor workers;
    private final Deque<CompletableFuture<Piece>> ahead = new ArrayDeque<>();
    private long scheduled;
    private boolean closed;

    private Piece current;
    private int offsetInCurrent;

    /** Reads {@code file} from {@code start} to its end in pieces of {@code pieceSize} bytes on tasks of {@code workers}. */
    ReadAhead(FileChannel file, long start, int pieceSize, Executor workers) throws IOException {
        this.file = file;
        this.start = start;
        this.end = file.size();
        this.pieceSize = pieceSize;
        this.workers = workers;
        for (int i = 0; i < AHEAD; i++) {
            schedule(new byte[pieceSize]);
        }
    }

    /** Starts reading the next piece not yet asked for into {@code buffer}, if the file goes on that far. */
    private void schedule(byte[] buffer) {
        long at = start + scheduled * pieceSize;
        if (at >= end) {
            return;
        }
        scheduled++;
        int length = (int) Math.min(pieceSize, end - at);
        ahead.add(CompletableFuture.supplyAsync(FileTasks.io(() -> {
            ByteBuffer into = ByteBuffer.wrap(buffer, 0, length);
            while (into.hasRemaining()) {
                if (file.read(into, at + into.position()) < 0) {
                    throw new IOException("the stored file ended before its recorded size");
                }
            }
            return new Piece(buffer, length);
        }), workers));
    }

    private boolean advance() throws IOException {
        if (closed) {
            throw new IOException("the stream is closed");
        }
        if (current != null && offsetInCurrent < current.length()) {
            return true;
        }
        if (current != null) {
            // the piece just sent lends its buffer to the piece AHEAD after the next
            schedule(current.bytes());
            current = null;
        }
        CompletableFuture<Piece> next = ahead.poll();
        if (next == null) {
            return false;
        }
        current = FileTasks.result(next, "reading the stored file");
        offsetInCurrent = 0;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (!advance()) {
            return -1;
        }
        return current.bytes()[offsetInCurrent++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!advance()) {
            return -1;
        }
        int n = Math.min(len, current.length() - offsetInCurrent);
        System.arraycopy(current.bytes(), offsetInCurrent, b, off, n);
        offsetInCurrent += n;
        return n;
    }

    /** Writes the rest of the file to {@code out} straight from the pieces read ahead (no copy in between). */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long sent = 0;
        while (advance()) {
            int n = current.length() - offsetInCurrent;
            out.write(current.bytes(), offsetInCurrent, n);
            offsetInCurrent += n;
            sent += n;
        }
        return sent;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            // a read already running fails on the closed file or finishes; either way nobody waits for it
            ahead.forEach(f -> f.cancel(false));
            ahead.clear();
            file.close();
        }
    }
}
