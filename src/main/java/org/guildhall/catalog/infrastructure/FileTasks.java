package org.guildhall.catalog.infrastructure;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The file work that uploads and downloads hand to executor tasks: an {@link IOException} crosses into a task's
 * future as an {@link UncheckedIOException} and comes back out as itself when the caller waits for the result.
 */
final class FileTasks {

    /** How long a transfer waits for one of its tasks before it is abandoned. */
    static final long STALL_SECONDS = 300;

    private FileTasks() {
    }

    interface IoSupplier<T> {
        T get() throws IOException;
    }

    interface IoStep<T> {
        void accept(T t) throws IOException;
    }

    static <T> Supplier<T> io(IoSupplier<T> work) {
        return () -> {
            try {
                return work.get();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** A step of a chain that works on its value and passes it on. */
    static <T> Function<T, T> step(IoStep<T> work) {
        return t -> {
            try {
                work.accept(t);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return t;
        };
    }

    /**
     * The task's result, waiting at most {@link #STALL_SECONDS}; its I/O failure as thrown, anything else as an
     * {@code IOException} that names {@code what} was being done.
     */
    static <T> T result(CompletableFuture<T> task, String what) throws IOException {
        try {
            return task.get(STALL_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(what + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new IOException(what + " made no progress for " + STALL_SECONDS + " s", e);
        }
    }
}
