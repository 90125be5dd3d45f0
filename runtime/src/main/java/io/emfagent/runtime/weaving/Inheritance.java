package io.emfagent.runtime.weaving;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

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
    record Declaration(TypeDescription type, MethodDescription.InDefinedShape method) {
        String where() {
            return InstrumentReader.where(type, method);
        }
    }

    /**
     * The declarations {@code method} of {@code type} inherits, by where they are; empty when it
     * inherits none. A method that overrides a generic one is matched through the bridge methods
     * the compiler wrote for it.
     */
    static List<Declaration> of(TypeDescription type, MethodDescription.InDefinedShape method) {
        if (method.isStatic() || method.isPrivate() || method.isConstructor() || method.isTypeInitializer()) {
            return List.of();
        }
        Set<String> signatures = new HashSet<>();
        signatures.add(method.getInternalName() + method.getDescriptor());
        for (MethodDescription.InDefinedShape other : type.getDeclaredMethods()) {
            if (other.isBridge() && other.getInternalName().equals(method.getInternalName())
                    && other.getParameters().size() == method.getParameters().size()) {
                signatures.add(other.getInternalName() + other.getDescriptor());
            }
        }
        Map<String, Declaration> found = new LinkedHashMap<>();
        Set<String> visited = new HashSet<>();
        for (TypeDescription supertype : supertypes(type)) {
            collect(supertype, signatures, found, visited);
        }
        return new ArrayList<>(found.values());
    }

    private static void collect(TypeDescription type, Set<String> signatures, Map<String, Declaration> found,
            Set<String> visited) {
        if (!visited.add(type.getName()) || Weaver.isIgnored(type.getInternalName())) {
            return;
        }
        for (MethodDescription.InDefinedShape candidate : type.getDeclaredMethods()) {
            if (!candidate.isStatic() && !candidate.isPrivate() && !candidate.isBridge()
                    && signatures.contains(candidate.getInternalName() + candidate.getDescriptor())
                    && InstrumentReader.isAnnotated(candidate)) {
                Declaration declaration = new Declaration(type, candidate);
                found.putIfAbsent(declaration.where() + candidate.getDescriptor(), declaration);
                return; // the most specific declaration wins
            }
        }
        for (TypeDescription supertype : supertypes(type)) {
            collect(supertype, signatures, found, visited);
        }
    }

    /** Whether the superclass chain has a method of this signature with a body: {@code super.m()} runs woven code. */
    static boolean superHasBody(TypeDescription type, String signature) {
        for (TypeDefinition c = superclass(type); c != null; c = superclass(c.asErasure())) {
            for (MethodDescription.InDefinedShape method : c.asErasure().getDeclaredMethods()) {
                if ((method.getInternalName() + method.getDescriptor()).equals(signature)) {
                    return !method.isAbstract();
                }
            }
        }
        return false;
    }

    /** Whether {@code type} is a Spring Data repository interface: implemented by a JDK proxy at run time. */
    static boolean isSpringDataRepository(TypeDescription type) {
        return extendsInterface(type, SPRING_DATA_REPOSITORY, new HashSet<>());
    }

    private static boolean extendsInterface(TypeDescription type, String name, Set<String> visited) {
        if (!visited.add(type.getName())) {
            return false;
        }
        if (type.getName().equals(name)) {
            return true;
        }
        for (TypeDescription supertype : supertypes(type)) {
            if (extendsInterface(supertype, name, visited)) {
                return true;
            }
        }
        return false;
    }

    /** The direct superclass and interfaces that can be resolved (one that cannot passes nothing on). */
    private static List<TypeDescription> supertypes(TypeDescription type) {
        List<TypeDescription> supertypes = new ArrayList<>();
        try {
            TypeDefinition superclass = superclass(type);
            if (superclass != null) {
                supertypes.add(superclass.asErasure());
            }
            for (TypeDescription.Generic implemented : type.getInterfaces()) {
                supertypes.add(implemented.asErasure());
            }
        } catch (RuntimeException | LinkageError unresolved) {
            // a supertype whose class file cannot be found
        }
        List<TypeDescription> resolved = new ArrayList<>();
        for (TypeDescription supertype : supertypes) {
            try {
                supertype.getDeclaredMethods().size(); // resolves it
                resolved.add(supertype);
            } catch (RuntimeException | LinkageError unresolved) {
                // not found: nothing inherited from it
            }
        }
        return resolved;
    }

    private static TypeDefinition superclass(TypeDescription type) {
        try {
            TypeDescription.Generic superclass = type.getSuperClass();
            return superclass == null ? null : superclass;
        } catch (RuntimeException | LinkageError unresolved) {
            return null;
        }
    }
}
