package org.ssmworkbench.cli.mass;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.ssmworkbench.cli.BadInputException;

/**
 * The pipeline of `ssm mass --batch`: one thread reads chunks of lines ({@link BatchLines}), a pool
 * answers the chunks in parallel, and the calling thread writes the answers in input order as soon as
 * each chunk is done, so reading, computing and writing overlap. At most {@code 2 × workers + 2}
 * chunks are in flight, which bounds memory; a chunk holds at most {@value #CHUNK_LINES} lines and
 * about {@value #CHUNK_BYTES} bytes, so one slow line holds back only the lines of its chunk and
 * those after it, while the workers go on with the next chunks.
 */
final class BatchRunner {

    static final int CHUNK_LINES = 512;
    static final int CHUNK_BYTES = 1 << 18;

    /** What a chunk's answers are: the bytes to write, with counts for the closing message. */
    record Answers(byte[] bytes, int length, int lines, int errors, int internalErrors, String firstError) {
    }

    /** Answers every line of one chunk. Must be safe to call from several threads at once. */
    interface ChunkAnswerer {
        Answers answer(BatchLines.Chunk chunk);
    }

    /** The totals of a whole batch. */
    record Totals(long lines, long errors, long internalErrors, String firstError) {
    }

    private BatchRunner() {
    }

    /**
     * Runs the batch.
     *
     * @param source  the input's name, for a read error
     * @param workers threads answering chunks (at least 1)
     * @throws BadInputException when reading the input fails
     * @throws IOException when writing the output fails
     */
    static Totals run(InputStream in, String source, OutputStream out, int workers, Supplier<ChunkAnswerer> answerers)
            throws IOException {
        int threads = Math.max(1, workers);
        BlockingQueue<Future<Answers>> inFlight = new ArrayBlockingQueue<>(2 * threads + 2);
        ThreadLocal<ChunkAnswerer> local = ThreadLocal.withInitial(answerers);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ssm-mass-worker");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Answers> end = CompletableFuture.completedFuture(null);
        Thread reader = new Thread(() -> {
            try {
                BatchLines lines = new BatchLines(in);
                BatchLines.Chunk c;
                while ((c = lines.next(CHUNK_LINES, CHUNK_BYTES)) != null) {
                    BatchLines.Chunk chunk = c;
                    inFlight.put(pool.submit(() -> local.get().answer(chunk)));
                }
                inFlight.put(end);
            } catch (IOException e) {
                putQuietly(inFlight, CompletableFuture.failedFuture(
                        new BadInputException(source + ": cannot read: " + e.getMessage(), e)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                putQuietly(inFlight, CompletableFuture.failedFuture(e));
            }
        }, "ssm-mass-reader");
        reader.setDaemon(true);
        reader.start();
        long lines = 0;
        long errors = 0;
        long internal = 0;
        String firstError = null;
        try {
            while (true) {
                Future<Answers> f = inFlight.take();
                if (f == end) {
                    break;
                }
                Answers a = f.get();
                out.write(a.bytes(), 0, a.length());
                lines += a.lines();
                errors += a.errors();
                internal += a.internalErrors();
                if (firstError == null && a.firstError() != null) {
                    firstError = a.firstError();
                }
            }
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
            reader.interrupt();
        }
        return new Totals(lines, errors, internal, firstError);
    }

    private static void putQuietly(BlockingQueue<Future<Answers>> q, Future<Answers> f) {
        try {
            q.put(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
