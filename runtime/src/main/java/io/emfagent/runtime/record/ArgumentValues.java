package io.emfagent.runtime.record;

import io.emfagent.runtime.log.InternalErrors;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * One method's argument dimension at run time: the value of the argument (or of the property weaving
 * resolved on its declared type) turned into a slot of the family's {@link DimensionValues}. Enums
 * give their {@code name()}, character sequences their text, booleans and integers their number;
 * {@code null} gives {@code none}. Properties are read through a method handle found once per
 * argument class; recording a value allocates nothing for enums, strings, booleans and integers.
 */
final class ArgumentValues {

    private final ArgumentDimension dimension;
    private final DimensionValues values;
    private final ClassValue<Accessor> accessors = new ClassValue<>() {
        @Override
        protected Accessor computeValue(Class<?> type) {
            return Accessor.of(type, dimension);
        }
    };

    ArgumentValues(ArgumentDimension dimension, DimensionValues values) {
        this.dimension = dimension;
        this.values = values;
    }

    DimensionValues values() {
        return values;
    }

    String name() {
        return dimension.name();
    }

    int slot(long number) {
        return values.slot(number);
    }

    int slot(boolean flag) {
        return values.slot(flag ? "true" : "false");
    }

    int slot(Object argument) {
        if (dimension.accessor() == null || argument == null) {
            return ofValue(argument);
        }
        Accessor accessor = accessors.get(argument.getClass());
        try {
            return switch (accessor.kind) {
                case NUMBER -> values.slot((long) accessor.handle.invokeExact(argument));
                case FLAG -> slot((boolean) accessor.handle.invokeExact(argument));
                case OBJECT -> ofValue((Object) accessor.handle.invokeExact(argument));
                case MISSING -> values.slots() - 1;
            };
        } catch (Throwable t) {
            InternalErrors.record("reading " + dimension.declaredType() + "." + dimension.accessor() + " for dimension "
                    + dimension.name(), t);
            return values.slots() - 1;
        }
    }

    private int ofValue(Object value) {
        if (value == null || value instanceof String) {
            return values.slot((String) value);
        }
        if (value instanceof Enum<?> constant) {
            return values.slot(constant.name());
        }
        if (value instanceof Boolean flag) {
            return slot(flag.booleanValue());
        }
        if (value instanceof Number number) {
            return values.slot(number.longValue()); // weaving admits integer types only
        }
        return values.slot(value instanceof CharSequence text ? text.toString() : String.valueOf(value));
    }

    /** How a property is read from arguments of one class. */
    private static final class Accessor {
        enum Kind { NUMBER, FLAG, OBJECT, MISSING }

        private static final Accessor MISSING = new Accessor(null, Kind.MISSING);

        final MethodHandle handle;
        final Kind kind;

        private Accessor(MethodHandle handle, Kind kind) {
            this.handle = handle;
            this.kind = kind;
        }

        static Accessor of(Class<?> argumentType, ArgumentDimension dimension) {
            try {
                Class<?> declared = find(argumentType, dimension.declaredType());
                if (declared == null) {
                    throw new ClassNotFoundException(dimension.declaredType() + " above " + argumentType.getName());
                }
                Member member = dimension.field() ? declared.getField(dimension.accessor()) : method(declared, dimension.accessor());
                MethodHandles.Lookup lookup = lookup(declared);
                MethodHandle handle;
                Class<?> returned;
                if (member instanceof Field field) {
                    handle = lookup.unreflectGetter(field);
                    returned = field.getType();
                } else {
                    Method method = (Method) member;
                    handle = lookup.unreflect(method);
                    returned = method.getReturnType();
                }
                if (returned == boolean.class) {
                    return new Accessor(handle.asType(MethodType.methodType(boolean.class, Object.class)), Kind.FLAG);
                }
                if (returned.isPrimitive()) {
                    return new Accessor(handle.asType(MethodType.methodType(long.class, Object.class)), Kind.NUMBER);
                }
                return new Accessor(handle.asType(MethodType.methodType(Object.class, Object.class)), Kind.OBJECT);
            } catch (ReflectiveOperationException | RuntimeException e) {
                InternalErrors.record("finding " + dimension.declaredType() + "." + dimension.accessor() + " for dimension "
                        + dimension.name() + " on " + argumentType.getName(), e);
                return MISSING;
            }
        }

        private static MethodHandles.Lookup lookup(Class<?> declared) throws IllegalAccessException {
            String pkg = declared.getPackageName();
            return declared.getModule().isOpen(pkg, ArgumentValues.class.getModule())
                    ? MethodHandles.privateLookupIn(declared, MethodHandles.lookup()) : MethodHandles.publicLookup();
        }

        private static Method method(Class<?> declared, String name) throws NoSuchMethodException {
            for (Class<?> c = declared; c != null; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    if (method.getName().equals(name) && method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())) {
                        return method;
                    }
                }
            }
            return declared.getMethod(name); // an interface's
        }

        private static Class<?> find(Class<?> type, String name) {
            return AsyncCalls.Shape.find(type, name);
        }
    }
}
