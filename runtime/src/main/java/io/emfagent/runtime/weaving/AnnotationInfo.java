package io.emfagent.runtime.weaving;

import java.util.Map;

/**
 * An annotation as a class file carries it: its type and the attributes given explicitly (a
 * {@code String}, a {@code String[]} as a {@code List}, and so on as ASM reads them). The defaults
 * come from the annotation type's class file, through {@link ClassInfos#attributes}.
 *
 * @param type the annotation type's binary name
 */
record AnnotationInfo(String type, Map<String, Object> values) {
}
