package io.emfagent.runtime.weaving;

import io.emfagent.runtime.rules.EmfRules;
import io.emfagent.runtime.record.ArgumentDimension;
import io.emfagent.runtime.record.Instrument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code @Counted} and {@code @Timed} off a method, without loading either annotation class,
 * and turns them into the method's {@link Instrument}: metric names and dimensions, checked
 * against {@link EmfRules} before the method is woven. The weaver reads loading classes with it,
 * and the {@code dashboard} command reads class files with it, so that both name metrics alike.
 */
public final class InstrumentReader {

    public static final String COUNTED = "io.emfagent.annotations.Counted";
    public static final String TIMED = "io.emfagent.annotations.Timed";
    public static final String DIMENSION = "io.emfagent.annotations.Dimension";
    private static final String KOTLIN_COMPANION = "$Companion";

    private final Map<String, String> commonDimensions;

    /** @param commonDimensions Service, Environment and the configured dimensions */
    public InstrumentReader(Map<String, String> commonDimensions) {
        this.commonDimensions = commonDimensions;
    }

    /** A method that cannot be woven, and why (naming the attribute at fault). */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    static boolean isAnnotated(ClassInfo.MethodInfo method) {
        return method.annotation(COUNTED) != null || method.annotation(TIMED) != null;
    }

    /**
     * The instrument of a method that takes its annotations from {@code declaration}, a method of
     * {@code declaringType} (a supertype's, when inherited): the default family is named after the
     * declaring type, so that every implementation adds into one family.
     */
    Instrument read(ClassInfos types, ClassInfo type, ClassInfo.MethodInfo method, ClassInfo declaringType,
            ClassInfo.MethodInfo declaration) throws Rejected {
        String woven = where(type, method);
        boolean inherited = declaration != method;
        String where = inherited ? woven + " (annotated on " + where(declaringType, declaration) + ")" : woven;
        if (method.isAbstract() || method.isNative()) {
            throw new Rejected(where + " has no body to weave (abstract or native): annotate the implementing method");
        }
        AnnotationInfo counted = declaration.annotation(COUNTED);
        AnnotationInfo timed = declaration.annotation(TIMED);
        String attempts = null;
        String success = null;
        String failure = null;
        String duration = null;
        String familyName = null;
        Map<String, String> dimensions = new LinkedHashMap<>(commonDimensions);
        if (counted != null) {
            ClassInfos.Attributes attributes = types.attributes(counted);
            String family = family(types, attributes, declaringType, declaration);
            familyName = family;
            attempts = metric(where, "@Counted", "attempts", family, attributes.string("attempts"));
            success = metric(where, "@Counted", "success", family, attributes.string("success"));
            failure = metric(where, "@Counted", "failure", family, attributes.string("failure"));
            addDimensions(where, "@Counted", attributes.strings("dimensions"), dimensions);
        }
        if (timed != null) {
            ClassInfos.Attributes attributes = types.attributes(timed);
            String family = family(types, attributes, declaringType, declaration);
            familyName = familyName == null ? family : familyName;
            duration = metric(where, "@Timed", "duration", family, attributes.string("duration"));
            addDimensions(where, "@Timed", attributes.strings("dimensions"), dimensions);
        }
        if (attempts == null && success == null && failure == null && duration == null) {
            throw new Rejected(where + ": every metric is turned off (attempts, success, failure and duration are all"
                    + " empty): give at least one a name, or remove the annotations");
        }
        String[] names = {attempts, success, failure, duration};
        String[] attributes = {"@Counted attempts", "@Counted success", "@Counted failure", "@Timed duration"};
        for (int i = 0; i < names.length; i++) {
            for (int j = i + 1; j < names.length; j++) {
                if (names[i] != null && names[i].equals(names[j])) {
                    throw new Rejected(where + ": " + attributes[i] + " and " + attributes[j] + " both name the metric '"
                            + names[i] + "'; give each its own name");
                }
            }
        }
        for (String dimension : dimensions.keySet()) {
            if (dimension.equals(attempts) || dimension.equals(success) || dimension.equals(failure) || dimension.equals(duration)) {
                throw new Rejected(where + ": the dimension '" + dimension + "' has the name of one of the method's metrics;"
                        + " rename one of them");
            }
        }
        // one more for error_type or status
        if (dimensions.size() + 1 > EmfRules.MAX_DIMENSIONS_PER_SET) {
            throw new Rejected(where + ": dimensions has too many entries: with Service, Environment, the configured"
                    + " dimensions and error_type/status there would be " + (dimensions.size() + 1)
                    + ", and CloudWatch takes at most " + EmfRules.MAX_DIMENSIONS_PER_SET);
        }
        List<ArgumentDimension> arguments = ArgumentDimensions.read(types, where, type, method, declaration, dimensions);
        return new Instrument(woven, familyName, attempts, success, failure, duration, dimensions, arguments);
    }

    static String where(ClassInfo type, ClassInfo.MethodInfo method) {
        return type.name() + "#" + method.name();
    }

    private static String family(ClassInfos types, ClassInfos.Attributes annotation, ClassInfo type,
            ClassInfo.MethodInfo method) {
        String value = annotation.string("value");
        if (!value.isEmpty()) {
            return value;
        }
        String name = type.name();
        String simple = type.simpleName();
        if (name.endsWith(KOTLIN_COMPANION) && type.declaringType() != null) {
            // a companion's calls add to the family of the static forwarders Kotlin writes into the outer class
            name = type.declaringType();
            ClassInfo outer = types.find(name);
            simple = outer != null ? outer.simpleName() : "";
        }
        if (simple.isEmpty()) {
            simple = name.substring(name.lastIndexOf('.') + 1);
        }
        return simple + "." + method.name();
    }

    private static String metric(String where, String annotation, String attribute, String family, String suffix)
            throws Rejected {
        if (suffix.isEmpty()) {
            return null;
        }
        String name = family + "." + suffix;
        String problem = EmfRules.checkMetricName(name);
        if (problem != null) {
            throw new Rejected(where + ": " + annotation + " value/" + attribute + " make the metric name '" + name
                    + "', which " + problem);
        }
        return name;
    }

    private void addDimensions(String where, String annotation, String[] entries, Map<String, String> dimensions)
            throws Rejected {
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String attribute = annotation + " dimensions entry '" + entry + "'";
            if (eq <= 0) {
                throw new Rejected(where + ": " + attribute + " is not Name=value (example: \"Operation=Reserve\")");
            }
            String name = entry.substring(0, eq).trim();
            String value = entry.substring(eq + 1).trim();
            String problem = EmfRules.checkDimensionName(name);
            if (problem != null) {
                throw new Rejected(where + ": " + attribute + ": the name " + problem);
            }
            problem = EmfRules.checkDimensionValue(value);
            if (problem != null) {
                throw new Rejected(where + ": " + attribute + ": the value " + problem);
            }
            if (name.equals(EmfRules.ERROR_TYPE) || name.equals(EmfRules.STATUS) || commonDimensions.containsKey(name)) {
                throw new Rejected(where + ": " + attribute + ": '" + name + "' is set by the agent or its configuration;"
                        + " pick another dimension name");
            }
            String earlier = dimensions.putIfAbsent(name, value);
            if (earlier != null && !earlier.equals(value)) {
                throw new Rejected(where + ": " + attribute + " gives '" + name + "' a second value ('" + earlier
                        + "' was set already)");
            }
        }
    }
}
