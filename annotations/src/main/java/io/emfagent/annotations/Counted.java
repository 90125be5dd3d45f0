package io.emfagent.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Counts the calls of a method: {@code <family>.attempts}, {@code <family>.success} and
 * {@code <family>.failure}, the failures also split by {@code error_type} (the simple class name of
 * what the method threw).
 *
 * <p>Without the emf-agent {@code -javaagent} this annotation does nothing at all.
 *
 * <pre>{@code
 * @Counted("booking")
 * Booking execute(ReserveTicketCommand command) { ... }
 * }</pre>
 *
 * <p>A call is a success when the method returns normally and a failure when it throws. A method
 * that returns a {@link java.util.concurrent.CompletionStage} is counted when the stage completes.
 * All three metrics are recorded at completion, so in every interval attempts = success + failure.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Counted {

    /** The metric family, for example {@code "booking"}; empty means {@code SimpleClassName.methodName}. */
    String value() default "";

    /** Suffix of the attempts metric; empty turns it off. */
    String attempts() default "attempts";

    /** Suffix of the success metric; empty turns it off. */
    String success() default "success";

    /** Suffix of the failure metric (also written per {@code error_type}); empty turns it off. */
    String failure() default "failure";

    /**
     * Static dimensions for this method's metrics, each {@code "Name=value"}, for example
     * {@code {"Operation=Reserve"}}.
     */
    String[] dimensions() default {};
}
