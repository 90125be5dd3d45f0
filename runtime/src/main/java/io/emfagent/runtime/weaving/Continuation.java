package io.emfagent.runtime.weaving;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a suspend function's last argument, its {@code Continuation}, writable: the advice may
 * replace it with the one the call is to go on with.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface Continuation {
    /** Byte Buddy's convention for a writable argument; the binding makes it writable either way. */
    boolean readOnly() default false;
}
