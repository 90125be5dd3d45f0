package io.emfagent.bridge;

/**
 * The static entry points that woven methods call. The agent defines this package in the bootstrap
 * class loader, so a woven class sees it whatever class loader defined that class.
 */
public final class EmfBridge {

    private static final CallRecorder NONE = new CallRecorder();
    private static volatile CallRecorder recorder = NONE;

    private EmfBridge() {
    }

    /**
     * Routes every woven call to {@code target} from now on. Only the first agent in a JVM gets to:
     * returns false, and changes nothing, when a recorder is installed already.
     */
    public static synchronized boolean install(CallRecorder target) {
        if (recorder != NONE) {
            return false;
        }
        recorder = target;
        return true;
    }

    public static void success(int id, long startNanos, long values) {
        recorder.success(id, startNanos, values);
    }

    public static void failure(int id, long startNanos, Throwable thrown, long values) {
        recorder.failure(id, startNanos, thrown, values);
    }

    public static Object completion(int id, long startNanos, Object returned, Throwable thrown, boolean mayWrap,
            long values) {
        return recorder.completion(id, startNanos, returned, thrown, mayWrap, values);
    }

    public static Object suspendEnter(int id, long startNanos, Object continuation, long values) {
        return recorder.suspendEnter(id, startNanos, continuation, values);
    }

    public static void suspendExit(int id, long startNanos, Object entered, Object returned, Throwable thrown,
            long values) {
        recorder.suspendExit(id, startNanos, entered, returned, thrown, values);
    }

    public static long dimension(long values, int id, int k, Object argument) {
        return recorder.dimension(values, id, k, argument);
    }

    public static long dimension(long values, int id, int k, long argument) {
        return recorder.dimension(values, id, k, argument);
    }

    public static long dimension(long values, int id, int k, boolean argument) {
        return recorder.dimension(values, id, k, argument);
    }
}
