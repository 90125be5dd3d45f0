package io.emfagent.runtime.weaving;

import io.emfagent.runtime.record.ArgumentDimension;
import io.emfagent.runtime.record.MethodRecorder;
import io.emfagent.runtime.rules.EmfRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Reads {@code @Dimension} off a method's parameters and resolves each when the method is woven:
 * the argument's type, or the property's (a no-argument method of that name, a getter, a public
 * field) on the parameter's declared type, must give a value the agent reads without running
 * arbitrary code: an enum, a {@code CharSequence}, a boolean or an integer (or their boxes). Anything
 * else leaves the method unwoven with a reason naming the method, the parameter and the property.
 */
final class ArgumentDimensions {

    private static final Set<String> BOXES = Set.of("java.lang.Boolean", "java.lang.Byte", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long");

    private ArgumentDimensions() {
    }

    /**
     * @param type the class the method is woven in
     * @param method the woven method, whose parameter types are resolved
     * @param declaration the method the annotations are read from (the woven one, or the supertype's it inherits)
     * @param dimensions the dimensions every metric of the method has already
     */
    static List<ArgumentDimension> read(String where, TypeDescription type, MethodDescription method,
            MethodDescription declaration, Map<String, String> dimensions) throws InstrumentReader.Rejected {
        List<ArgumentDimension> found = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ParameterDescription parameter : declaration.getParameters()) {
            AnnotationDescription annotation = null;
            for (AnnotationDescription candidate : parameter.getDeclaredAnnotations()) {
                if (candidate.getAnnotationType().getName().equals(InstrumentReader.DIMENSION)) {
                    annotation = candidate;
                }
            }
            if (annotation == null) {
                continue;
            }
            int index = parameter.getIndex();
            TypeDescription declared = method.getParameters().get(index).getType().asErasure();
            String culprit = where + ": @Dimension on parameter " + (index + 1) + " (" + declared.getSimpleName() + ")";
            InstrumentReader.Attributes attributes = new InstrumentReader.Attributes(annotation);
            String name = attributes.string("value").trim();
            String property = attributes.string("property").trim();
            String problem = EmfRules.checkDimensionName(name);
            if (problem != null) {
                throw new InstrumentReader.Rejected(culprit + ": the name '" + name + "' " + problem);
            }
            if (dimensions.containsKey(name) || name.equals(EmfRules.ERROR_TYPE) || name.equals(EmfRules.STATUS)
                    || !names.add(name)) {
                throw new InstrumentReader.Rejected(culprit + ": the dimension '" + name + "' is set already (by the"
                        + " agent, its configuration, the annotation's dimensions or another parameter): pick another name");
            }
            if (property.isEmpty()) {
                if (!isReadable(declared)) {
                    throw new InstrumentReader.Rejected(culprit + ": the agent reads enums, CharSequences, booleans"
                            + " and integers only, not " + declared.getName() + " (calling its toString could run any"
                            + " code): name a property that gives one, @Dimension(value = \"" + name + "\", property ="
                            + " \"...\")");
                }
                found.add(new ArgumentDimension(name, index, declared.getName(), null, false));
            } else {
                found.add(property(culprit, type, declared, name, index, property));
            }
        }
        if (found.size() > MethodRecorder.MAX_ARGUMENT_DIMENSIONS) {
            throw new InstrumentReader.Rejected(where + ": " + found.size() + " parameters carry @Dimension, at most "
                    + MethodRecorder.MAX_ARGUMENT_DIMENSIONS + " can (each is a dimension set, billed per value)");
        }
        if (!found.isEmpty() && dimensions.size() + 1 > EmfRules.MAX_DIMENSIONS_PER_SET) {
            throw new InstrumentReader.Rejected(where + ": with a @Dimension the dimension set would have "
                    + (dimensions.size() + 1) + " dimensions, and CloudWatch takes at most " + EmfRules.MAX_DIMENSIONS_PER_SET);
        }
        return found;
    }

    private static ArgumentDimension property(String culprit, TypeDescription wovenIn, TypeDescription declared,
            String name, int index, String property) throws InstrumentReader.Rejected {
        String capitalized = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        List<String> candidates = List.of(property, "get" + capitalized, "is" + capitalized);
        for (String candidate : candidates) {
            MethodDescription accessor = accessor(declared, candidate);
            if (accessor != null) {
                TypeDescription returned = accessor.getReturnType().asErasure();
                checkAccessible(culprit, wovenIn, declared, accessor.isPublic(), accessor.isPrivate(),
                        declared.getName() + "." + candidate + "()");
                checkReadable(culprit, property, returned);
                return new ArgumentDimension(name, index, declared.getName(), candidate, false);
            }
        }
        for (TypeDefinition c = declared; c != null; c = c.getSuperClass() == null ? null : c.getSuperClass()) {
            for (FieldDescription.InDefinedShape field : c.asErasure().getDeclaredFields()) {
                if (field.getName().equals(property) && field.isPublic() && !field.isStatic()) {
                    checkReadable(culprit, property, field.getType().asErasure());
                    return new ArgumentDimension(name, index, declared.getName(), property, true);
                }
            }
        }
        throw new InstrumentReader.Rejected(culprit + ": property '" + property + "' is not found on " + declared.getName()
                + " (looked for " + String.join("(), ", candidates) + "() and a public field " + property + ")");
    }

    /** A no-argument, non-static method of that name that returns something, on the type or a supertype. */
    private static MethodDescription accessor(TypeDescription type, String name) {
        List<TypeDescription> pending = new ArrayList<>(List.of(type));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            TypeDescription current = pending.remove(0);
            if (!seen.add(current.getName())) {
                continue;
            }
            for (MethodDescription.InDefinedShape method : current.getDeclaredMethods()) {
                if (method.getInternalName().equals(name) && method.getParameters().isEmpty() && !method.isStatic()
                        && !method.getReturnType().represents(void.class) && !method.isBridge()) {
                    return method;
                }
            }
            try {
                if (current.getSuperClass() != null) {
                    pending.add(current.getSuperClass().asErasure());
                }
                current.getInterfaces().asErasures().forEach(pending::add);
            } catch (RuntimeException unresolved) {
                // a supertype that cannot be read has nothing to offer
            }
        }
        return null;
    }

    private static void checkAccessible(String culprit, TypeDescription wovenIn, TypeDescription declared,
            boolean isPublic, boolean isPrivate, String accessor) throws InstrumentReader.Rejected {
        boolean samePackage = wovenIn.getPackage() != null && declared.getPackage() != null
                && wovenIn.getPackage().getName().equals(declared.getPackage().getName());
        if (isPrivate || !isPublic && !samePackage) {
            throw new InstrumentReader.Rejected(culprit + ": " + accessor + " is not accessible to " + wovenIn.getName()
                    + " (make it public)");
        }
    }

    private static void checkReadable(String culprit, String property, TypeDescription returned)
            throws InstrumentReader.Rejected {
        if (!isReadable(returned)) {
            throw new InstrumentReader.Rejected(culprit + ": property '" + property + "' gives " + returned.getName()
                    + ", and the agent reads enums, CharSequences, booleans and integers only");
        }
    }

    private static boolean isReadable(TypeDescription type) {
        if (type.isPrimitive()) {
            return !type.represents(void.class) && !type.represents(char.class) && !type.represents(float.class)
                    && !type.represents(double.class);
        }
        return type.isEnum() || BOXES.contains(type.getName())
                || type.isAssignableTo(CharSequence.class);
    }
}
