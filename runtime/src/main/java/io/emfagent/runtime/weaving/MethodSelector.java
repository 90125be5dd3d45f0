package io.emfagent.runtime.weaving;

import io.emfagent.runtime.record.Instrument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Which methods of a class are woven, and with which {@link Instrument}: the one place that decides,
 * for the weaver and for the {@code dashboard} command alike. A method is woven with its own
 * annotations, or with those it inherits from a supertype; each method left out although
 * annotated is said, as a warning when the annotations asked for something the agent cannot do,
 * as a debug line when leaving it out is how the call counts once.
 */
public final class MethodSelector {

    private final InstrumentReader reader;
    private final boolean inherit;

    /** @param inherit whether annotations on supertypes' methods apply to implementations and overrides */
    public MethodSelector(InstrumentReader reader, boolean inherit) {
        this.reader = reader;
        this.inherit = inherit;
    }

    /** A method to weave and what it records. */
    public record Selected(ClassInfo.MethodInfo method, Instrument instrument) {
    }

    /**
     * The methods of the class in {@code classFile} to weave.
     *
     * @param classFiles the class file of another type by its binary name (a supertype's, an
     *     annotation type's), or null when there is none
     */
    public List<Selected> select(byte[] classFile, Function<String, byte[]> classFiles, Consumer<String> warnings,
            Consumer<String> debug) {
        return select(new ClassInfos(classFiles), ClassInfos.of(classFile), MethodBodies.of(classFile), warnings, debug);
    }

    List<Selected> select(ClassInfos types, ClassInfo type, MethodBodies bodies, Consumer<String> warnings,
            Consumer<String> debug) {
        List<Selected> selected = new ArrayList<>();
        for (ClassInfo.MethodInfo method : type.methods()) {
            if (method.isBridge()) {
                continue; // a bridge method carries its target's annotations: weaving both would count twice
            }
            Inheritance.Declaration declaration = declaration(types, type, method, bodies, warnings, debug);
            if (declaration == null) {
                continue;
            }
            unknownAnnotations(declaration, warnings);
            try {
                selected.add(new Selected(method, reader.read(types, type, method, declaration.type(),
                        declaration.method())));
            } catch (InstrumentReader.Rejected rejected) {
                warnings.accept("not woven: " + rejected.getMessage());
            }
        }
        return selected;
    }

    /**
     * Where the annotations that {@code method} is woven with are declared: on the method itself, or,
     * when it has none of its own, on the supertype method it inherits them from. Null when it is
     * not to be woven (and said).
     */
    private Inheritance.Declaration declaration(ClassInfos types, ClassInfo type, ClassInfo.MethodInfo method,
            MethodBodies bodies, Consumer<String> warnings, Consumer<String> debug) {
        String name = type.name() + "#" + method.name();
        if (InstrumentReader.isAnnotated(method)) {
            String forwardsTo = bodies.forwardsTo(method.signature());
            if (forwardsTo != null) {
                debug.accept("not woven: " + name + " is a forwarder the Kotlin compiler generates, with the"
                        + " annotations copied: its calls count in " + forwardsTo);
                return null;
            }
            if (method.isConstructor() || method.isTypeInitializer()) {
                // the compiler refuses this, other tools can write it; the class's other methods are woven
                warnings.accept("not woven: " + name + " is a " + (method.isConstructor() ? "constructor" : "static initializer")
                        + ", which @Counted and @Timed cannot measure: annotate a method it calls, or the method that"
                        + " creates the object");
                return null;
            }
            if (method.isAbstract() && inherit) {
                if (Inheritance.isSpringDataRepository(types, type)) {
                    warnings.accept("not woven: " + name + " is a method of a Spring Data repository interface, which a"
                            + " proxy implements at run time with no class file the agent sees: annotate a default method"
                            + " of the interface, or the service method that calls the repository");
                } else {
                    debug.accept(name + " is abstract: its annotations apply to the implementations that have a body");
                }
                return null;
            }
            return new Inheritance.Declaration(type, method);
        }
        if (!inherit || method.isAbstract() || method.isNative()) {
            return null;
        }
        List<Inheritance.Declaration> inherited = Inheritance.of(types, type, method);
        if (inherited.isEmpty()) {
            return null;
        }
        if (inherited.size() > 1 && !sameMetrics(types, type, method, inherited)) {
            List<String> where = new ArrayList<>();
            for (Inheritance.Declaration declaration : inherited) {
                where.add(declaration.where());
            }
            warnings.accept("not woven: " + name + " inherits different @Counted/@Timed from " + String.join(" and ", where)
                    + ": annotate " + name + " itself, which then wins");
            return null;
        }
        if (bodies.callsSuper(method.signature()) && Inheritance.superHasBody(types, type, method.signature())) {
            debug.accept("not woven: " + name + " calls super." + method.name() + ", where its calls count");
            return null;
        }
        return inherited.get(0);
    }

    /** Whether every declaration gives the method the same metrics (one is then as good as the other). */
    private boolean sameMetrics(ClassInfos types, ClassInfo type, ClassInfo.MethodInfo method,
            List<Inheritance.Declaration> declarations) {
        try {
            Instrument first = reader.read(types, type, method, declarations.get(0).type(), declarations.get(0).method());
            for (Inheritance.Declaration other : declarations.subList(1, declarations.size())) {
                if (!first.writesSameMetrics(reader.read(types, type, method, other.type(), other.method()))) {
                    return false;
                }
            }
            return true;
        } catch (InstrumentReader.Rejected rejected) {
            return false;
        }
    }

    private static final String ANNOTATIONS_PACKAGE = "io.emfagent.annotations.";
    private static final java.util.Set<String> KNOWN = java.util.Set.of(InstrumentReader.COUNTED, InstrumentReader.TIMED,
            InstrumentReader.DIMENSION);

    /**
     * Says so when the method or its parameters carry an annotation of the annotations package that
     * this agent does not know: an annotations jar newer than the agent (version skew is never silent).
     */
    private static void unknownAnnotations(Inheritance.Declaration declaration, Consumer<String> warnings) {
        List<AnnotationInfo> annotations = new ArrayList<>(declaration.method().annotations());
        for (List<AnnotationInfo> ofParameter : declaration.method().parameterAnnotations()) {
            annotations.addAll(ofParameter);
        }
        for (AnnotationInfo annotation : annotations) {
            String name = annotation.type();
            if (name.startsWith(ANNOTATIONS_PACKAGE) && !KNOWN.contains(name)) {
                warnings.accept(declaration.where() + " carries @" + name + ", which this emf-agent does not know (the"
                        + " annotations jar is newer than the agent): the method is woven without it; use an agent at"
                        + " least as new as the annotations jar");
            }
        }
    }

}
