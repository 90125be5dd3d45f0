package io.emfagent.bridge;

/**
 * What woven code reports to. This base class records nothing: it is what a woven class talks to
 * until the agent has installed its recorder, and what it keeps talking to when the agent is off.
 *
 * <p>{@code values} is what the {@code dimension} methods made of the call's {@code @Dimension}
 * arguments at its start (0 for a method without any).
 */
public class CallRecorder {

    /** The method with this id returned normally; {@code startNanos} is 0 when it is not timed. */
    public void success(int id, long startNanos, long values) {
    }

    /** The method with this id threw {@code thrown}. */
    public void failure(int id, long startNanos, Throwable thrown, long values) {
    }

    /**
     * A method with this id that may return an asynchronous result returned {@code returned}, or
     * threw {@code thrown}; the call counts when the result completes. Returns what the method is to
     * return: {@code returned} itself, or, when {@code mayWrap} (the declared type allows it), a result
     * of the same type that records its end.
     */
    public Object completion(int id, long startNanos, Object returned, Throwable thrown, boolean mayWrap, long values) {
        return returned;
    }

    /**
     * A Kotlin suspend function with this id was entered with {@code continuation}, its last argument.
     * Returns the continuation it is to go on with: its own, or one that records the call's end.
     * What it returns is handed to {@link #suspendExit}.
     */
    public Object suspendEnter(int id, long startNanos, Object continuation, long values) {
        return continuation;
    }

    /** The suspend function entered as {@link #suspendEnter} said returned or threw. */
    public void suspendExit(int id, long startNanos, Object entered, Object returned, Throwable thrown, long values) {
    }

    /**
     * {@code values} with the value of the method's argument dimension {@code k} added, from its
     * argument: an object (or its property's value), an integer or a boolean.
     */
    public long dimension(long values, int id, int k, Object argument) {
        return values;
    }

    public long dimension(long values, int id, int k, long argument) {
        return values;
    }

    public long dimension(long values, int id, int k, boolean argument) {
        return values;
    }
}
