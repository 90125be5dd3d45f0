package io.emfagent.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Takes a dimension of a {@link Counted} or {@link Timed} method's metrics from an argument: each
 * {@code @Dimension} parameter adds one dimension set, {@code {Service, Environment, <static
 * dimensions>, <value>}}, to every metric of the method, beside the sets it has anyway (it is not
 * combined with {@code error_type}, {@code status} or another {@code @Dimension}).
 *
 * <p>Without the emf-agent {@code -javaagent} this annotation does nothing at all.
 *
 * <pre>{@code
 * @Counted("payment") @Timed("payment")
 * PaymentResult execute(@Dimension(value = "PaymentMethod", property = "paymentMethod") PayBookingCommand command)
 * }</pre>
 *
 * <p>The value is the argument itself, or, with {@link #property}, what a no-argument accessor of
 * it returns. Values may be enums (their {@code name()}), {@code CharSequence}s, {@code boolean}s
 * and integers (and their boxes); {@code null} is {@code none}. Every distinct value is a billed
 * CloudWatch metric per metric name: past {@code maxDimensionValues} (default 20) distinct values
 * per family and dimension, further values count under {@code Other}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Dimension {

    /** The dimension's name, for example {@code "PaymentMethod"}. */
    String value();

    /**
     * A property of the argument to take the value from: a no-argument method of that name (a
     * record component), a getter ({@code getX}, {@code isX}), or a public field; empty means the
     * argument itself.
     */
    String property() default "";
}
