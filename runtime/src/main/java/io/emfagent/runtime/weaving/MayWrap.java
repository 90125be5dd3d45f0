package io.emfagent.runtime.weaving;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds whether the woven method's declared return type lets the agent return a result of the same
 * type that records its end (a Reactor {@code Mono} for a method declared {@code Mono},
 * {@code Publisher} or {@code Object}), as a constant.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface MayWrap {
}
