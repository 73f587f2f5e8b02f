package org.ssmworkbench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Files made on the report's pool while they are written (the pages of a large report): each task makes
 * the bytes of a few files, in order; a task is started when one of its files is first asked for,
 * together with the next {@link #AHEAD} tasks, and its bytes are dropped once its last file is taken.
 * So the pool keeps every core busy while the writer writes, and a large report never holds all its
 * pages at once. The files must be taken once each and in order.
 */
final class MadeAhead {

    /** Tasks started ahead of the one whose file is being written: enough to keep every core busy. */
    static final int AHEAD = 4;

    private final Tasks pool;
    private final List<Callable<List<byte[]>>> work = new ArrayList<>();
    private final List<Supplier<List<byte[]>>> running = new ArrayList<>();
    private final Map<String, Supplier<byte[]>> files = new LinkedHashMap<>();
    private int submitted;

    MadeAhead(Tasks pool) {
        this.pool = pool;
    }

    /**
     * Adds a task that makes the files {@code names}, after those added before.
     *
     * @param task returns the bytes of each of {@code names}, in that order
     */
    void add(List<String> names, Callable<List<byte[]>> task) {
        int k = work.size();
        work.add(() -> {
            List<byte[]> out = task.call();
            if (out.size() != names.size()) {
                throw new IllegalStateException(out.size() + " files made for " + names.size() + " names");
            }
            return out;
        });
        running.add(null);
        for (int i = 0; i < names.size(); i++) {
            int at = i;
            boolean last = i == names.size() - 1;
            if (files.put(names.get(i), () -> take(k, at, last)) != null) {
                throw new IllegalArgumentException("file " + names.get(i) + " made twice");
            }
        }
    }

    /** Every file, by path, in order; each made when it is first asked for (and a few tasks ahead). */
    Map<String, Supplier<byte[]>> files() {
        return Collections.unmodifiableMap(files);
    }

    private synchronized Supplier<List<byte[]>> started(int task) {
        int until = Math.min(work.size(), task + AHEAD + 1);
        for (; submitted < until; submitted++) {
            running.set(submitted, pool.submit(work.get(submitted)));
            work.set(submitted, null);
        }
        Supplier<List<byte[]>> s = running.get(task);
        if (s == null) {
            throw new IllegalStateException("a file of task " + (task + 1) + " asked for after its last file");
        }
        return s;
    }

    private byte[] take(int task, int at, boolean last) {
        byte[] b = started(task).get().get(at);
        if (last) {
            synchronized (this) {
                running.set(task, null);
            }
        }
        return b;
    }
}
