package org.guildhall.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Group commit: requests that arrive while a batch is being written wait, and go together in the next batch,
 * so that what every request must hold until its commit (a ledger's head, a busy account) is taken once per
 * batch instead of once per request. The callers' own threads do the work: whoever takes the turn runs every
 * waiting request (up to {@code maxBatch}) in one call of {@code run} and hands each its answer; when it is done
 * it wakes the first request still waiting, whose thread takes the next turn. Up to {@code concurrentBatches}
 * turns are taken at once. A lone request runs at once, with
 * no timer and no thread of its own.
 *
 * @param <Q> a request
 * @param <A> its answer
 */
public final class GroupCommit<Q, A> {

    /** The batch failed as a whole (its transaction rolled back): nothing of it was kept; the caller may run alone. */
    public static final class BatchFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BatchFailed(Throwable cause) {
            super("the batch this request was part of failed: " + cause, cause);
        }
    }

    private final class Waiting {
        final Q request;
        /** Given one permit when answered, and one each time the turn is handed over. */
        final Semaphore signals = new Semaphore(0);
        volatile boolean done;
        volatile A answer;
        volatile RuntimeException failure;

        Waiting(Q request) {
            this.request = request;
        }

        void finish(A a, RuntimeException f) {
            answer = a;
            failure = f;
            done = true;
            signals.release();
        }
    }

    private final int maxBatch;
    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore turns;
    private final LongAdder batches = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /** How many batches ran, holding how many requests, and how many batches failed as a whole. */
    public record Stats(long batches, long requests, long failedBatches) {
        public double meanBatch() {
            return batches == 0 ? 0 : (double) requests / batches;
        }

        /** What happened between {@code earlier} and these figures. */
        public Stats since(Stats earlier) {
            return new Stats(batches - earlier.batches, requests - earlier.requests, failedBatches - earlier.failedBatches);
        }
    }

    public Stats stats() {
        return new Stats(batches.sum(), requests.sum(), failed.sum());
    }

    /** How many requests wait for a batch now. */
    public int waiting() {
        return queue.size();
    }

    /**
     * @param maxBatch the most requests in one batch
     * @param concurrentBatches how many batches may be written at the same time: with two, one batch reads and
     *        plans while the other holds what every batch must hold until its commit
     */
    public GroupCommit(int maxBatch, int concurrentBatches) {
        if (maxBatch < 1 || concurrentBatches < 1) {
            throw new IllegalArgumentException("a batch holds at least one request, and at least one batch runs");
        }
        this.maxBatch = maxBatch;
        this.turns = new Semaphore(concurrentBatches);
    }

    /**
     * Runs {@code request}, alone or with others waiting at the same time, and returns its answer.
     *
     * @param run answers a batch of requests, one answer per request in the same order, in one transaction
     * @throws BatchFailed when {@code run} threw for the batch this request was in
     */
    public A submit(Q request, Function<List<Q>, List<A>> run) {
        Waiting me = new Waiting(request);
        queue.add(me);
        for (;;) {
            if (turns.tryAcquire()) {
                try {
                    if (!me.done) {
                        runBatch(run);
                    }
                } finally {
                    turns.release();
                }
                // the first request still waiting takes the next turn (it may be this one, if the batch was full)
                Waiting next = queue.peek();
                if (next != null) {
                    next.signals.release();
                }
            }
            if (!me.done) {
                me.signals.acquireUninterruptibly();
            }
            if (me.done) {
                if (me.failure != null) {
                    throw me.failure;
                }
                return me.answer;
            }
        }
    }

    private void runBatch(Function<List<Q>, List<A>> run) {
        List<Waiting> batch = new ArrayList<>();
        for (Waiting w; batch.size() < maxBatch && (w = queue.poll()) != null;) {
            batch.add(w);
        }
        if (batch.isEmpty()) {
            return;
        }
        batches.increment();
        requests.add(batch.size());
        List<A> answers;
        try {
            answers = run.apply(batch.stream().map(w -> w.request).toList());
            if (answers.size() != batch.size()) {
                throw new IllegalStateException(answers.size() + " answers for " + batch.size() + " requests");
            }
        } catch (RuntimeException | Error e) {
            failed.increment();
            BatchFailed whole = new BatchFailed(e);
            batch.forEach(w -> w.finish(null, whole));
            if (e instanceof Error error) {
                throw error;
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).finish(answers.get(i), null);
        }
    }
}
