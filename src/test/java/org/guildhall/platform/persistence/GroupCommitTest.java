package org.guildhall.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void aLoneRequestRunsAtOnceOnTheCallersThread() {
        GroupCommit<Integer, String> g = new GroupCommit<>(8, 1);
        Thread caller = Thread.currentThread();
        List<Thread> ranOn = new ArrayList<>();
        String answer = g.submit(7, batch -> {
            ranOn.add(Thread.currentThread());
            return batch.stream().map(i -> "answer " + i).toList();
        });
        assertThat(answer).isEqualTo("answer 7");
        assertThat(ranOn).containsExactly(caller);
        assertThat(g.stats()).isEqualTo(new GroupCommit.Stats(1, 1, 0));
    }

    @Test
    void requestsThatArriveWhileABatchRunsGoTogetherInTheNextAndEachGetsItsOwnAnswer() throws Exception {
        GroupCommit<Integer, Integer> g = new GroupCommit<>(100, 1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(21);
        try {
            Future<Integer> first = pool.submit(() -> g.submit(0, batch -> {
                batches.add(batch);
                firstRunning.countDown();
                await(release);
                return batch.stream().map(i -> i * 10).toList();
            }));
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                int n = i;
                others.add(pool.submit(() -> g.submit(n, batch -> {
                    batches.add(batch);
                    return batch.stream().map(x -> x * 10).toList();
                })));
            }
            // all twenty are queued behind the running batch before it ends
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (g.waiting() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
            for (int i = 0; i < 20; i++) {
                assertThat(others.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((i + 1) * 10);
            }
            assertThat(batches).hasSize(2);
            assertThat(batches.get(0)).containsExactly(0);
            assertThat(batches.get(1)).hasSize(20).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 20)
                    .boxed().toList());
            assertThat(g.stats()).isEqualTo(new GroupCommit.Stats(2, 21, 0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedBatchFailsEveryRequestInItAndNoOtherAndTheNextBatchRuns() throws Exception {
        GroupCommit<Integer, Integer> g = new GroupCommit<>(100, 1);
        assertThatThrownBy(() -> g.submit(1, batch -> {
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(GroupCommit.BatchFailed.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(g.submit(2, batch -> batch)).isEqualTo(2);
        assertThatThrownBy(() -> g.submit(3, batch -> List.of())).isInstanceOf(GroupCommit.BatchFailed.class)
                .hasMessageContaining("0 answers for 1 requests");
        assertThat(g.stats()).isEqualTo(new GroupCommit.Stats(3, 3, 2));
    }

    @Test
    void manyThreadsAllGetTheirAnswersBatchesStayWithinTheirSizeAndAtMostTheAllowedNumberRunAtOnce() throws Exception {
        GroupCommit<Integer, Integer> g = new GroupCommit<>(5, 2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger largest = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                int n = i;
                answers.add(pool.submit(() -> g.submit(n, batch -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    largest.accumulateAndGet(batch.size(), Math::max);
                    Thread.onSpinWait();
                    running.decrementAndGet();
                    return batch.stream().map(x -> -x).toList();
                })));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(-i);
            }
            assertThat(mostAtOnce.get()).isBetween(1, 2);
            assertThat(largest.get()).isBetween(1, 5);
            assertThat(g.stats().requests()).isEqualTo(2_000);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
