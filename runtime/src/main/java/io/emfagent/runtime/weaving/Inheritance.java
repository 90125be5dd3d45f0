package io.emfagent.runtime.weaving;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Annotations a method inherits: an annotation on an interface method, an abstract method or an
 * overridden superclass method applies to every implementation and override that has a body and no
 * {@code @Counted}/{@code @Timed} of its own. For each direct supertype, the declaration is the
 * supertype's own annotated method of the same signature or, when it has none, what the supertype
 * inherits; one interface reached along two paths is one declaration.
 */
final class Inheritance {

    private static final String SPRING_DATA_REPOSITORY = "org.springframework.data.repository.Repository";

    private Inheritance() {
    }

    /** An annotated method of a supertype, and that supertype. */
    record Declaration(ClassInfo type, ClassInfo.MethodInfo method) {
        String where() {
            return InstrumentReader.where(type, method);
        }
    }

    /**
     * The declarations {@code method} of {@code type} inherits, by where they are; empty when it
     * inherits none. A method that overrides a generic one is matched through the bridge methods
     * the compiler wrote for it.
     */
    static List<Declaration> of(ClassInfos types, ClassInfo type, ClassInfo.MethodInfo method) {
        if (method.isStatic() || method.isPrivate() || method.isConstructor() || method.isTypeInitializer()) {
            return List.of();
        }
        Set<String> signatures = new HashSet<>();
        signatures.add(method.signature());
        for (ClassInfo.MethodInfo other : type.methods()) {
            if (other.isBridge() && other.name().equals(method.name())
                    && other.parameterCount() == method.parameterCount()) {
                signatures.add(other.signature());
            }
        }
        Map<String, Declaration> found = new LinkedHashMap<>();
        Set<String> visited = new HashSet<>();
        for (ClassInfo supertype : types.supertypes(type)) {
            collect(types, supertype, signatures, found, visited);
        }
        return new ArrayList<>(found.values());
    }

    private static void collect(ClassInfos types, ClassInfo type, Set<String> signatures, Map<String, Declaration> found,
            Set<String> visited) {
        if (!visited.add(type.name()) || Weaver.isIgnored(type.internalName())) {
            return;
        }
        for (ClassInfo.MethodInfo candidate : type.methods()) {
            if (!candidate.isStatic() && !candidate.isPrivate() && !candidate.isBridge()
                    && signatures.contains(candidate.signature()) && InstrumentReader.isAnnotated(candidate)) {
                Declaration declaration = new Declaration(type, candidate);
                found.putIfAbsent(declaration.where() + candidate.descriptor(), declaration);
                return; // the most specific declaration wins
            }
        }
        for (ClassInfo supertype : types.supertypes(type)) {
            collect(types, supertype, signatures, found, visited);
        }
    }

    /** Whether the superclass chain has a method of this signature with a body: {@code super.m()} runs woven code. */
    static boolean superHasBody(ClassInfos types, ClassInfo type, String signature) {
        Set<String> visited = new HashSet<>();
        for (ClassInfo c = superclass(types, type); c != null && visited.add(c.name()); c = superclass(types, c)) {
            for (ClassInfo.MethodInfo method : c.methods()) {
                if (method.signature().equals(signature)) {
                    return !method.isAbstract();
                }
            }
        }
        return false;
    }

    /** Whether {@code type} is a Spring Data repository interface: implemented by a JDK proxy at run time. */
    static boolean isSpringDataRepository(ClassInfos types, ClassInfo type) {
        return types.isAssignableTo(type, SPRING_DATA_REPOSITORY);
    }

    /** The superclass, when it can be found. */
    private static ClassInfo superclass(ClassInfos types, ClassInfo type) {
        return type.superName() == null ? null : types.find(type.superName());
    }
}
