package io.emfagent.runtime.weaving;

import java.util.List;

/**
 * What an operator turned off without a rebuild ({@code exclude=}): methods ({@code a.B#m}),
 * classes ({@code a.B}, nested classes too), packages with their subpackages ({@code a.b.*}) and
 * metric families ({@code family:booking}).
 */
final class Exclusions {

    private final List<String> patterns;

    Exclusions(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The pattern that excludes this method, or null. */
    String match(String className, String methodName, String family) {
        for (String pattern : patterns) {
            if (pattern.startsWith("family:") ? pattern.substring("family:".length()).equals(family)
                    : pattern.endsWith(".*") ? className.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.contains("#") ? pattern.equals(className + "#" + methodName)
                    : className.equals(pattern) || className.startsWith(pattern + "$")) {
                return pattern;
            }
        }
        return null;
    }
}
