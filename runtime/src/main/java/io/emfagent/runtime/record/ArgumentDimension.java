package io.emfagent.runtime.record;

/**
 * A dimension taken from a method's argument ({@code @Dimension}), as weaving resolved it.
 *
 * @param name the dimension's name
 * @param parameter the index of the parameter it is taken from
 * @param declaredType the parameter's declared type (binary name), where {@code accessor} is found
 * @param accessor the no-argument method or public field the value is read from, or null for the argument itself
 * @param field whether {@code accessor} names a field
 */
public record ArgumentDimension(String name, int parameter, String declaredType, String accessor, boolean field) {
}
