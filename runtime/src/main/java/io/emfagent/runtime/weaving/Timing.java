package io.emfagent.runtime.weaving;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds whether the woven method is timed into the advice as a constant, so that the JIT drops
 * the clock read of a method that is only counted.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface Timing {
}
