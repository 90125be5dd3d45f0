package io.emfagent.sample;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Runs the graceful stop once, on SIGTERM or SIGINT, and then exits the JVM.
 *
 * <p>Why a signal handler and not only a shutdown hook: the JVM starts all shutdown hooks at once, so work
 * finished inside one hook (in-flight requests, queued messages) races every other hook, such as a metrics
 * agent writing its last interval. Handling the signal first lets the stop complete before the JVM begins
 * its shutdown. A shutdown hook still runs the same stop when the JVM exits any other way.
 */
final class GracefulStop {

    private final Runnable stop;
    private final long waitMillis;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    private GracefulStop(Runnable stop, long waitMillis) {
        this.stop = stop;
        this.waitMillis = waitMillis;
    }

    /** @param waitMillis how long a second caller waits for the stop the first one started */
    static void install(Runnable stop, long waitMillis) {
        GracefulStop once = new GracefulStop(stop, waitMillis);
        Runtime.getRuntime().addShutdownHook(new Thread(once::runOnce, "graceful-stop"));
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    int status = 0;
                    try {
                        once.runOnce();
                    } catch (RuntimeException e) {
                        // the JVM must still exit, and the agent still writes its last interval
                        e.printStackTrace();
                        status = 1;
                    }
                    System.exit(status);
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // the JVM keeps this signal to itself (e.g. -Xrs): the shutdown hook still stops gracefully
            }
        }
    }

    private void runOnce() {
        if (started.compareAndSet(false, true)) {
            try {
                stop.run();
            } finally {
                done.countDown();
            }
            return;
        }
        try {
            done.await(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
