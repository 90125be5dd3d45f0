package io.emfagent.runtime.boot;

import io.emfagent.runtime.aggregate.FlushLoop;
import io.emfagent.runtime.log.AgentLog;

/**
 * The agent's shutdown hook: on SIGTERM (or any exit) it first writes at once what was recorded so
 * far, then waits for the application's own shutdown hooks (a graceful drain records calls too),
 * then writes the rest. Each call lands in exactly one of the two writes. All of it takes at most
 * {@code shutdownTimeout}: an orchestrator that sends SIGKILL after its grace period loses only the
 * calls completed after the first write.
 */
final class ExitWrites implements Runnable {

    /** The most either write may take; a sink that takes longer is stuck. */
    static final long MAX_WRITE_MILLIS = 5_000;

    private final FlushLoop loop;
    private final OtherShutdownHooks others;
    private final long timeoutMillis;

    ExitWrites(FlushLoop loop, OtherShutdownHooks others, long timeoutMillis) {
        this.loop = loop;
        this.others = others;
        this.timeoutMillis = timeoutMillis;
    }

    /** What each write may take of {@code timeoutMillis}: a quarter, at most {@link #MAX_WRITE_MILLIS}. */
    static long writeMillis(long timeoutMillis) {
        return Math.min(MAX_WRITE_MILLIS, timeoutMillis / 4);
    }

    @Override
    public void run() {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long write = writeMillis(timeoutMillis);
        if (!loop.writeSoFarWithin(write)) {
            return; // the output does not take even this: waiting for more would only delay the exit
        }
        // the final write keeps its share of the time, however long the hooks take
        others.awaitAll(deadline - write - System.currentTimeMillis());
        long left = deadline - System.currentTimeMillis();
        AgentLog.debug("writing the rest, within " + left + " ms");
        loop.closeWithin(left);
    }
}
