package dev.modelgate.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the cases of a suite with up to {@code concurrency} in flight (they measure answers, not
 * time) and returns the outcomes in case order.
 */
final class CaseExecutor {

    private CaseExecutor() {
    }

    /**
     * Runs every case {@code repeats} times; the results of a case follow each other, in case order.
     * All runs share the {@code concurrency} slots, so repeats take no longer than more cases would.
     */
    static <C, R> List<R> repeat(List<C> cases, int repeats, int concurrency, Function<C, R> task) {
        List<C> runs = new ArrayList<>(cases.size() * repeats);
        for (C c : cases) {
            for (int i = 0; i < repeats; i++) {
                runs.add(c);
            }
        }
        return map(runs, concurrency, task);
    }

    static <C, R> List<R> map(List<C> cases, int concurrency, Function<C, R> task) {
        if (cases.isEmpty()) {
            return List.of();
        }
        int threads = Math.max(1, Math.min(concurrency, cases.size()));
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "modelgate-case-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (C c : cases) {
                futures.add(pool.submit(() -> task.apply(c)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cases were running", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
