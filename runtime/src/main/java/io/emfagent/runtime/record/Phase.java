package io.emfagent.runtime.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Two sets of cells and the epochs that say which one writers use, after HdrHistogram's
 * {@code WriterReaderPhaser}: a writer enters (one atomic add), records into the active set, and exits
 * (one atomic add); the reader flips the active set and waits until every writer that entered the
 * old one has left it. So everything one call recorded lands in one set, and the reader takes a set
 * that no writer touches any more: all the numbers of an interval come from the same calls.
 *
 * <p>Writers never wait. The reader waits only for recordings in progress (a few atomic adds), and at
 * most {@link #MAX_WAIT_NANOS}: a writer that never left (a thread stopped mid-recording) cannot hold
 * the flush thread.
 */
final class Phase {

    private static final VarHandle START = field("startEpoch");
    private static final VarHandle EVEN_END = field("evenEndEpoch");
    private static final VarHandle ODD_END = field("oddEndEpoch");
    static final long MAX_WAIT_NANOS = 1_000_000_000L;

    // each on a cache line of its own: writers of one stripe add to them on every call
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06;
    private volatile long startEpoch;
    @SuppressWarnings("unused")
    private long p10, p11, p12, p13, p14, p15, p16;
    private volatile long evenEndEpoch;
    @SuppressWarnings("unused")
    private long p20, p21, p22, p23, p24, p25, p26;
    private volatile long oddEndEpoch = Long.MIN_VALUE;
    @SuppressWarnings("unused")
    private long p30, p31, p32, p33, p34, p35, p36;

    final Cells even;
    final Cells odd;

    Phase(Cells even, Cells odd) {
        this.even = even;
        this.odd = odd;
    }

    /** A writer enters: the value says which set to use ({@link #cells}) and goes back to {@link #exit}. */
    long enter() {
        return (long) START.getAndAdd(this, 1L);
    }

    Cells cells(long entered) {
        return entered < 0 ? odd : even;
    }

    void exit(long entered) {
        (entered < 0 ? ODD_END : EVEN_END).getAndAdd(this, 1L);
    }

    /**
     * Makes the other set the active one and returns the set that was active, once no writer is left
     * in it. Only one thread (the flush thread) calls this.
     *
     * @return false in {@code [0]} when a writer did not leave within {@link #MAX_WAIT_NANOS}
     */
    Cells flip(boolean[] settled) {
        boolean nextIsEven = startEpoch < 0;
        long initial = nextIsEven ? 0 : Long.MIN_VALUE;
        (nextIsEven ? EVEN_END : ODD_END).setVolatile(this, initial);
        long startAtFlip = (long) START.getAndSet(this, initial);
        VarHandle oldEnd = nextIsEven ? ODD_END : EVEN_END;
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        settled[0] = true;
        for (int spins = 0; (long) oldEnd.getVolatile(this) != startAtFlip; spins++) {
            if (System.nanoTime() - deadline > 0) {
                settled[0] = false;
                break;
            }
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return nextIsEven ? odd : even;
    }

    private static VarHandle field(String name) {
        try {
            return MethodHandles.lookup().findVarHandle(Phase.class, name, long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
