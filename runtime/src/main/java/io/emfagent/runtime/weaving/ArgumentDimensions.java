package io.emfagent.runtime.weaving;

import io.emfagent.runtime.record.ArgumentDimension;
import io.emfagent.runtime.record.MethodRecorder;
import io.emfagent.runtime.rules.EmfRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;

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
    static List<ArgumentDimension> read(ClassInfos types, String where, ClassInfo type, ClassInfo.MethodInfo method,
            ClassInfo.MethodInfo declaration, Map<String, String> dimensions) throws InstrumentReader.Rejected {
        List<ArgumentDimension> found = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Type[] parameterTypes = method.parameterTypes();
        for (int index = 0; index < declaration.parameterCount(); index++) {
            AnnotationInfo annotation = null;
            for (AnnotationInfo candidate : declaration.parameterAnnotations(index)) {
                if (candidate.type().equals(InstrumentReader.DIMENSION)) {
                    annotation = candidate;
                }
            }
            if (annotation == null) {
                continue;
            }
            Type declared = parameterTypes[index];
            String culprit = where + ": @Dimension on parameter " + (index + 1) + " (" + simpleName(types, declared) + ")";
            ClassInfos.Attributes attributes = types.attributes(annotation);
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
                if (!isReadable(types, declared)) {
                    throw new InstrumentReader.Rejected(culprit + ": the agent reads enums, CharSequences, booleans"
                            + " and integers only, not " + declared.getClassName() + " (calling its toString could run any"
                            + " code): name a property that gives one, @Dimension(value = \"" + name + "\", property ="
                            + " \"...\")");
                }
                found.add(new ArgumentDimension(name, index, declared.getClassName(), null, false));
            } else {
                found.add(property(types, culprit, type, declared, name, index, property));
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

    private static ArgumentDimension property(ClassInfos types, String culprit, ClassInfo wovenIn, Type declared,
            String name, int index, String property) throws InstrumentReader.Rejected {
        String capitalized = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        List<String> candidates = List.of(property, "get" + capitalized, "is" + capitalized);
        ClassInfo declaredType = declared.getSort() == Type.OBJECT ? types.find(declared.getClassName()) : null;
        for (String candidate : candidates) {
            ClassInfo.MethodInfo accessor = declaredType == null ? null : accessor(types, declaredType, candidate);
            if (accessor != null) {
                checkAccessible(culprit, wovenIn, declaredType, accessor.isPublic(), accessor.isPrivate(),
                        declared.getClassName() + "." + candidate + "()");
                checkReadable(types, culprit, property, accessor.returnType());
                return new ArgumentDimension(name, index, declared.getClassName(), candidate, false);
            }
        }
        Set<String> visited = new HashSet<>();
        for (ClassInfo c = declaredType; c != null && visited.add(c.name());
                c = c.superName() == null ? null : types.find(c.superName())) {
            for (ClassInfo.FieldInfo field : c.fields()) {
                if (field.name().equals(property) && field.isPublic() && !field.isStatic()) {
                    checkReadable(types, culprit, property, Type.getType(field.descriptor()));
                    return new ArgumentDimension(name, index, declared.getClassName(), property, true);
                }
            }
        }
        throw new InstrumentReader.Rejected(culprit + ": property '" + property + "' is not found on "
                + declared.getClassName() + " (looked for " + String.join("(), ", candidates) + "() and a public field "
                + property + ")");
    }

    /** A no-argument, non-static method of that name that returns something, on the type or a supertype. */
    private static ClassInfo.MethodInfo accessor(ClassInfos types, ClassInfo type, String name) {
        List<ClassInfo> pending = new ArrayList<>(List.of(type));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            ClassInfo current = pending.remove(0);
            if (!seen.add(current.name())) {
                continue;
            }
            for (ClassInfo.MethodInfo method : current.methods()) {
                if (method.name().equals(name) && method.parameterCount() == 0 && !method.isStatic()
                        && method.returnType().getSort() != Type.VOID && !method.isBridge()) {
                    return method;
                }
            }
            pending.addAll(types.supertypes(current));
        }
        return null;
    }

    private static void checkAccessible(String culprit, ClassInfo wovenIn, ClassInfo declared,
            boolean isPublic, boolean isPrivate, String accessor) throws InstrumentReader.Rejected {
        boolean samePackage = wovenIn.packageName().equals(declared.packageName());
        if (isPrivate || !isPublic && !samePackage) {
            throw new InstrumentReader.Rejected(culprit + ": " + accessor + " is not accessible to " + wovenIn.name()
                    + " (make it public)");
        }
    }

    private static void checkReadable(ClassInfos types, String culprit, String property, Type returned)
            throws InstrumentReader.Rejected {
        if (!isReadable(types, returned)) {
            throw new InstrumentReader.Rejected(culprit + ": property '" + property + "' gives "
                    + returned.getClassName() + ", and the agent reads enums, CharSequences, booleans and integers only");
        }
    }

    private static boolean isReadable(ClassInfos types, Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.SHORT, Type.INT, Type.LONG -> true;
            case Type.OBJECT -> {
                if (BOXES.contains(type.getClassName())) {
                    yield true;
                }
                ClassInfo declared = types.find(type.getClassName());
                yield declared != null && (declared.isEnum() || types.isAssignableTo(declared, "java.lang.CharSequence"));
            }
            default -> false; // void, char, float, double, arrays
        };
    }

    /** The type's name as its source writes it: {@code int}, {@code String}, {@code Outer.Inner}'s {@code Inner}. */
    private static String simpleName(ClassInfos types, Type type) {
        if (type.getSort() == Type.OBJECT) {
            ClassInfo found = types.find(type.getClassName());
            if (found != null && !found.simpleName().isEmpty()) {
                return found.simpleName();
            }
        }
        String name = type.getClassName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
