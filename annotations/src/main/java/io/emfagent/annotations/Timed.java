package io.emfagent.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Times the calls of a method: {@code <family>.duration} in milliseconds, with sub-millisecond
 * precision and percentiles, also split by {@code status} ({@code success} or {@code failure}).
 *
 * <p>Without the emf-agent {@code -javaagent} this annotation does nothing at all.
 *
 * <pre>{@code
 * @Timed("booking")
 * Booking execute(ReserveTicketCommand command) { ... }
 * }</pre>
 *
 * <p>A method that returns a {@link java.util.concurrent.CompletionStage} is timed until the stage
 * completes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Timed {

    /** The metric family, for example {@code "booking"}; empty means {@code SimpleClassName.methodName}. */
    String value() default "";

    /** Suffix of the duration metric; empty turns it off. */
    String duration() default "duration";

    /**
     * Static dimensions for this method's metrics, each {@code "Name=value"}, for example
     * {@code {"Operation=Reserve"}}.
     */
    String[] dimensions() default {};
}
