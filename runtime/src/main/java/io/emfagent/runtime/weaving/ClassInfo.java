package io.emfagent.runtime.weaving;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What the weaver reads of a class file to choose and name the methods it weaves: the class's
 * names, supertypes and flags, its methods with their annotations, its fields. Read with ASM by
 * {@link ClassInfos}, without loading the class.
 *
 * @param name the binary name ({@code com.example.Outer$Inner})
 * @param simpleName as the source names it: a member class's own name, empty for an anonymous class
 * @param declaringType the binary name of the class a member class is declared in, or null
 * @param superName the superclass's binary name, or null ({@code java.lang.Object}, an interface's none)
 * @param interfaces the binary names of the interfaces it implements or extends
 */
record ClassInfo(String name, int access, String simpleName, String declaringType, String superName,
        List<String> interfaces, List<MethodInfo> methods, List<FieldInfo> fields) {

    String internalName() {
        return name.replace('.', '/');
    }

    String packageName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    boolean isFinal() {
        return (access & Opcodes.ACC_FINAL) != 0;
    }

    boolean isEnum() {
        return (access & Opcodes.ACC_ENUM) != 0;
    }

    boolean isSynthetic() {
        return (access & Opcodes.ACC_SYNTHETIC) != 0;
    }

    /** A method as its class file declares it. */
    record MethodInfo(String name, String descriptor, int access, List<AnnotationInfo> annotations,
            List<List<AnnotationInfo>> parameterAnnotations, Object defaultValue) {

        String signature() {
            return name + descriptor;
        }

        Type[] parameterTypes() {
            return Type.getArgumentTypes(descriptor);
        }

        Type returnType() {
            return Type.getReturnType(descriptor);
        }

        int parameterCount() {
            return Type.getArgumentCount(descriptor);
        }

        /** The annotations on parameter {@code index} (none when the class file gives it none). */
        List<AnnotationInfo> parameterAnnotations(int index) {
            return index < parameterAnnotations.size() ? parameterAnnotations.get(index) : List.of();
        }

        AnnotationInfo annotation(String type) {
            for (AnnotationInfo annotation : annotations) {
                if (annotation.type().equals(type)) {
                    return annotation;
                }
            }
            return null;
        }

        boolean isConstructor() {
            return name.equals("<init>");
        }

        boolean isTypeInitializer() {
            return name.equals("<clinit>");
        }

        boolean isBridge() {
            return (access & Opcodes.ACC_BRIDGE) != 0;
        }

        boolean isAbstract() {
            return (access & Opcodes.ACC_ABSTRACT) != 0;
        }

        boolean isNative() {
            return (access & Opcodes.ACC_NATIVE) != 0;
        }

        boolean isStatic() {
            return (access & Opcodes.ACC_STATIC) != 0;
        }

        boolean isPrivate() {
            return (access & Opcodes.ACC_PRIVATE) != 0;
        }

        boolean isPublic() {
            return (access & Opcodes.ACC_PUBLIC) != 0;
        }
    }

    /** A field as its class file declares it. */
    record FieldInfo(String name, String descriptor, int access) {

        boolean isPublic() {
            return (access & Opcodes.ACC_PUBLIC) != 0;
        }

        boolean isStatic() {
            return (access & Opcodes.ACC_STATIC) != 0;
        }
    }
}
