package io.emfagent.runtime.weaving;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the slots of the call's {@code @Dimension} argument values, as the bridge makes them at the
 * call's start (0 for a method without any).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface Dimensions {
}
