package org.ssmworkbench.report;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A small pool for the independent parts of a report (figures, exports), so that they are drawn on
 * every core: each part is a pure function of the result, and parts are collected in a fixed order, so
 * the output does not depend on scheduling. Threads are daemons; closing the pool stops them.
 */
final class Tasks implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService pool;

    Tasks() {
        int n = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        int id = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "ssm-report-" + id + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts {@code task}; the supplier waits for its value and rethrows its exception unchecked. */
    <T> Supplier<T> submit(java.util.concurrent.Callable<T> task) {
        Future<T> f = pool.submit(task);
        return () -> {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while drawing the report", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                if (c instanceof Error er) {
                    throw er;
                }
                throw new IllegalStateException(c);
            }
        };
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
