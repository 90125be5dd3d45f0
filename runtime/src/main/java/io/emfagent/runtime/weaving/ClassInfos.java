package io.emfagent.runtime.weaving;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Class files read into {@link ClassInfo}s, each at most once: the class being woven, and the
 * supertypes, return types, parameter types and annotation types its weaving asks about, found by
 * binary name. One is made per woven class (or per {@code dashboard} run); the JDK's types, the
 * same for every class loader, are read once per JVM.
 */
final class ClassInfos {

    private static final ClassInfo ABSENT = new ClassInfo("", 0, "", null, null, List.of(), List.of(), List.of());
    private static final Map<String, ClassInfo> JDK = new ConcurrentHashMap<>();

    private final Function<String, byte[]> classFiles;
    private final Map<String, ClassInfo> read = new HashMap<>();
    private final Map<String, Map<String, Object>> defaults = new HashMap<>();

    /** @param classFiles the class file of a type by its binary name, or null when there is none */
    ClassInfos(Function<String, byte[]> classFiles) {
        this.classFiles = classFiles;
    }

    /** The type of that binary name, or null when its class file cannot be found or read. */
    ClassInfo find(String name) {
        boolean jdk = name.startsWith("java.");
        ClassInfo known = jdk ? JDK.get(name) : read.get(name);
        if (known == null) {
            known = ABSENT;
            try {
                byte[] classFile = classFiles.apply(name);
                if (classFile != null) {
                    known = of(classFile);
                }
            } catch (RuntimeException | LinkageError unreadable) {
                // as if absent: nothing is known of it
            }
            (jdk ? JDK : read).put(name, known);
        }
        return known == ABSENT ? null : known;
    }

    /** The type's superclass and interfaces that can be found, superclass first. */
    List<ClassInfo> supertypes(ClassInfo type) {
        List<ClassInfo> supertypes = new ArrayList<>();
        if (type.superName() != null && !type.isInterface()) { // an interface's is Object, which it does not extend
            add(supertypes, type.superName());
        }
        for (String name : type.interfaces()) {
            add(supertypes, name);
        }
        return supertypes;
    }

    private void add(List<ClassInfo> types, String name) {
        ClassInfo found = find(name);
        if (found != null) {
            types.add(found);
        }
    }

    /** Whether {@code type} is {@code target}, extends it or implements it, as far as its supertypes can be found. */
    boolean isAssignableTo(ClassInfo type, String target) {
        return isAssignableTo(type, target, new java.util.HashSet<>());
    }

    private boolean isAssignableTo(ClassInfo type, String target, java.util.Set<String> visited) {
        if (type.name().equals(target)) {
            return true;
        }
        if (!visited.add(type.name())) {
            return false;
        }
        for (ClassInfo supertype : supertypes(type)) {
            if (isAssignableTo(supertype, target, visited)) {
                return true;
            }
        }
        return false;
    }

    /** An annotation's attributes: those it gives, and its type's defaults for the others. */
    Attributes attributes(AnnotationInfo annotation) {
        Map<String, Object> ofType = defaults.get(annotation.type());
        if (ofType == null) {
            ofType = defaultsOf(annotation.type());
            defaults.put(annotation.type(), ofType);
        }
        Map<String, Object> values = new HashMap<>(ofType);
        values.putAll(annotation.values());
        return new Attributes(annotation.type(), values);
    }

    private Map<String, Object> defaultsOf(String annotationType) {
        ClassInfo type = find(annotationType);
        Map<String, Object> found = new HashMap<>();
        if (type != null) {
            for (ClassInfo.MethodInfo attribute : type.methods()) {
                if (attribute.defaultValue() != null) {
                    found.put(attribute.name(), attribute.defaultValue());
                }
            }
        }
        return found;
    }

    /** The attributes of one annotation, defaults included. */
    static final class Attributes {
        private final String type;
        private final Map<String, Object> values;

        private Attributes(String type, Map<String, Object> values) {
            this.type = type;
            this.values = values;
        }

        String string(String attribute) {
            Object value = value(attribute);
            if (!(value instanceof String string)) {
                throw new IllegalStateException("@" + type + "." + attribute + " is not a String: " + value);
            }
            return string;
        }

        String[] strings(String attribute) {
            Object value = value(attribute);
            if (!(value instanceof List<?> list)) {
                throw new IllegalStateException("@" + type + "." + attribute + " is not a String[]: " + value);
            }
            String[] strings = new String[list.size()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = (String) list.get(i);
            }
            return strings;
        }

        private Object value(String attribute) {
            Object value = values.get(attribute);
            if (value == null) {
                throw new IllegalStateException("@" + type + " has no value for " + attribute + " and its class file"
                        + " gives no default (is the annotations jar a different version from the one compiled against?)");
            }
            return value;
        }
    }

    /** Reads a class file's header, methods (without their code), fields and annotations. */
    static ClassInfo of(byte[] classFile) {
        Reader reader = new Reader();
        new ClassReader(classFile).accept(reader,
                ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return reader.info();
    }

    private static String binary(String internalName) {
        return internalName == null ? null : internalName.replace('/', '.');
    }

    private static final class Reader extends ClassVisitor {
        private String internalName;
        private String name;
        private int access;
        private String simpleName;
        private String declaringType;
        private String superName;
        private final List<String> interfaces = new ArrayList<>();
        private final List<ClassInfo.MethodInfo> methods = new ArrayList<>();
        private final List<ClassInfo.FieldInfo> fields = new ArrayList<>();

        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            this.internalName = name;
            this.name = binary(name);
            this.access = access;
            this.superName = binary(superName);
            for (String implemented : interfaces == null ? new String[0] : interfaces) {
                this.interfaces.add(binary(implemented));
            }
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            if (name.equals(internalName)) {
                simpleName = innerName == null ? "" : innerName;
                declaringType = binary(outerName);
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            List<AnnotationInfo> annotations = new ArrayList<>();
            int parameters = Type.getArgumentTypes(descriptor).length;
            List<List<AnnotationInfo>> parameterAnnotations = new ArrayList<>(parameters);
            for (int i = 0; i < parameters; i++) {
                parameterAnnotations.add(new ArrayList<>());
            }
            Object[] defaultValue = new Object[1];
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String type, boolean visible) {
                    return collect(type, annotations);
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String type, boolean visible) {
                    return parameter < parameterAnnotations.size()
                            ? collect(type, parameterAnnotations.get(parameter)) : null;
                }

                @Override
                public AnnotationVisitor visitAnnotationDefault() {
                    return new Values(new HashMap<>()) {
                        @Override
                        void put(String attribute, Object value) {
                            defaultValue[0] = value;
                        }
                    };
                }

                @Override
                public void visitEnd() {
                    methods.add(new ClassInfo.MethodInfo(name, descriptor, access, List.copyOf(annotations),
                            parameterAnnotations, defaultValue[0]));
                }
            };
        }

        @Override
        public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor,
                String signature, Object value) {
            fields.add(new ClassInfo.FieldInfo(name, descriptor, access));
            return null;
        }

        ClassInfo info() {
            String simple = simpleName != null ? simpleName : name.substring(name.lastIndexOf('.') + 1);
            return new ClassInfo(name, access, simple, declaringType, superName, List.copyOf(interfaces),
                    Collections.unmodifiableList(methods), Collections.unmodifiableList(fields));
        }
    }

    /** Reads an annotation into {@code to}. */
    private static AnnotationVisitor collect(String descriptor, List<AnnotationInfo> to) {
        Map<String, Object> values = new HashMap<>();
        String type = Type.getType(descriptor).getClassName();
        return new Values(values) {
            @Override
            public void visitEnd() {
                to.add(new AnnotationInfo(type, values));
            }
        };
    }

    /** Collects an annotation's attribute values: arrays as lists, enum constants by name. */
    private static class Values extends AnnotationVisitor {
        private final Map<String, Object> values;

        Values(Map<String, Object> values) {
            super(Opcodes.ASM9);
            this.values = values;
        }

        void put(String attribute, Object value) {
            values.put(attribute, value);
        }

        @Override
        public void visit(String attribute, Object value) {
            put(attribute, value);
        }

        @Override
        public void visitEnum(String attribute, String descriptor, String value) {
            put(attribute, value);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String attribute, String descriptor) {
            Map<String, Object> nested = new HashMap<>();
            String type = Type.getType(descriptor).getClassName();
            return new Values(nested) {
                @Override
                public void visitEnd() {
                    Values.this.put(attribute, new AnnotationInfo(type, nested));
                }
            };
        }

        @Override
        public AnnotationVisitor visitArray(String attribute) {
            List<Object> elements = new ArrayList<>();
            put(attribute, elements);
            return new Values(new HashMap<>()) {
                @Override
                void put(String ignored, Object element) {
                    elements.add(element);
                }
            };
        }
    }
}
