package io.emfagent.bridge;

/**
 * The static entry points that woven methods call. The agent appends this package to the bootstrap
 * class path, so a woven class sees it whatever class loader defined that class.
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

    public static void success(int id, long startNanos) {
        recorder.success(id, startNanos);
    }

    public static void failure(int id, long startNanos, Throwable thrown) {
        recorder.failure(id, startNanos, thrown);
    }

    public static Object completion(int id, long startNanos, Object returned, Throwable thrown, boolean mayWrap) {
        return recorder.completion(id, startNanos, returned, thrown, mayWrap);
    }

    public static Object suspendEnter(int id, long startNanos, Object continuation) {
        return recorder.suspendEnter(id, startNanos, continuation);
    }

    public static void suspendExit(int id, long startNanos, Object entered, Object returned, Throwable thrown) {
        recorder.suspendExit(id, startNanos, entered, returned, thrown);
    }
}
