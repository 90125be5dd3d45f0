package io.emfagent.tools.report;

import io.emfagent.tools.view.EmfLine;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses and checks log lines on every core while the caller reads: lines go in batches to worker
 * threads, and the documents come back to the caller in log order, so that what is added up does
 * not depend on the threads. At most a few batches are in flight, so memory stays bounded.
 */
final class ParallelParser implements AutoCloseable {

    /** A line that holds EMF, with where it came from. */
    record Parsed(Path file, long number, EmfLine emf) {
    }

    /** Receives the parsed lines in log order, on the caller's thread. */
    interface Sink {
        void accept(Parsed parsed);
    }

    // parsed documents are ten times their line in memory: keep batches small
    private static final int BATCH = 256;

    private final ExecutorService workers;
    private final int inFlight;
    private final Sink sink;
    private final ArrayDeque<Future<List<Parsed>>> pending = new ArrayDeque<>();
    private List<Path> files = new ArrayList<>(BATCH);
    private long[] numbers = new long[BATCH];
    private List<String> lines = new ArrayList<>(BATCH);

    ParallelParser(Sink sink) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "emf-report-parser");
            t.setDaemon(true);
            return t;
        });
        this.inFlight = 2 * threads;
        this.sink = sink;
    }

    void line(Path file, long number, String text) {
        // most lines of a service log are not EMF: skip them here without a trip to a worker
        if (!EmfLine.mayHoldEmf(text)) {
            return;
        }
        numbers[lines.size()] = number;
        files.add(file);
        lines.add(text);
        if (lines.size() == BATCH) {
            submit();
        }
    }

    private void submit() {
        List<Path> f = files;
        long[] n = numbers;
        List<String> l = lines;
        pending.add(workers.submit(() -> {
            List<Parsed> parsed = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                // the age of a timestamp is checked on ingestion, a moment a report cannot know: skip it
                EmfLine emf = EmfLine.read(l.get(i), 0);
                if (emf != null) {
                    parsed.add(new Parsed(f.get(i), n[i], emf));
                }
            }
            return parsed;
        }));
        files = new ArrayList<>(BATCH);
        numbers = new long[BATCH];
        lines = new ArrayList<>(BATCH);
        while (pending.size() > inFlight) {
            drainOne();
        }
    }

    private void drainOne() {
        try {
            pending.removeFirst().get().forEach(sink::accept);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the logs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not parse a line: " + e.getCause(), e.getCause());
        }
    }

    /** Hands on every line given so far. */
    void finish() {
        if (!lines.isEmpty()) {
            submit();
        }
        while (!pending.isEmpty()) {
            drainOne();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
