package io.emfagent.runtime.weaving;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether a loading class may inherit {@code @Counted} or {@code @Timed} from a supertype: some
 * class or interface above it, at any depth, has a class file that names one of them. Read from
 * the class files' headers (no class is loaded, no parser of Byte Buddy's), each supertype once per
 * class loader: a class whose supertypes carry no annotation pays the header of its own class file
 * and one lookup per direct supertype.
 */
final class Supertypes {

    /** Per class loader (held weakly), by internal name: whether the type or a supertype names an annotation. */
    private final Map<ClassLoader, Map<String, Boolean>> annotated = Collections.synchronizedMap(new WeakHashMap<>());

    boolean mayInherit(ClassLoader loader, byte[] classFile) {
        Map<String, Boolean> known = Loaders.of(annotated, loader);
        for (String supertype : of(classFile)) {
            if (isAnnotated(loader, supertype, known, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAnnotated(ClassLoader loader, String type, Map<String, Boolean> known, int depth) {
        if (Weaver.isIgnored(type) || depth > 64) {
            return false;
        }
        Boolean cached = known.get(type);
        if (cached != null) {
            return cached;
        }
        byte[] classFile = Loaders.classFile(loader, type);
        boolean found = false;
        if (classFile != null) {
            found = Weaver.namesAnAnnotation(classFile);
            for (String supertype : found ? List.<String>of() : of(classFile)) {
                if (isAnnotated(loader, supertype, known, depth + 1)) {
                    found = true;
                    break;
                }
            }
        }
        known.put(type, found);
        return found;
    }

    /**
     * The internal names of a class file's superclass and interfaces, from its header; none when the
     * class file cannot be read so.
     */
    static List<String> of(byte[] classFile) {
        try {
            int count = u2(classFile, 8);
            int[] offsets = new int[count];
            int at = 10;
            for (int i = 1; i < count; i++) {
                offsets[i] = at;
                int tag = classFile[at] & 0xff;
                switch (tag) {
                    case 1 -> at += 3 + u2(classFile, at + 1); // Utf8
                    case 7, 8, 16, 19, 20 -> at += 3; // Class, String, MethodType, Module, Package
                    case 15 -> at += 4; // MethodHandle
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> at += 5;
                    case 5, 6 -> { // Long and Double take two entries
                        at += 9;
                        i++;
                    }
                    default -> {
                        return List.of();
                    }
                }
            }
            List<String> names = new ArrayList<>();
            int superClass = u2(classFile, at + 4);
            if (superClass != 0) {
                names.add(className(classFile, offsets, superClass));
            }
            int interfaces = u2(classFile, at + 6);
            for (int i = 0; i < interfaces; i++) {
                names.add(className(classFile, offsets, u2(classFile, at + 8 + 2 * i)));
            }
            return names;
        } catch (RuntimeException e) {
            return List.of(); // not a class file this reader understands: nothing is inherited
        }
    }

    private static String className(byte[] classFile, int[] offsets, int classIndex) {
        int utf8 = offsets[u2(classFile, offsets[classIndex] + 1)];
        // class names in class files are ASCII in practice; modified UTF-8 decodes them alike
        return new String(classFile, utf8 + 3, u2(classFile, utf8 + 1), StandardCharsets.UTF_8);
    }

    private static int u2(byte[] data, int at) {
        return (data[at] & 0xff) << 8 | data[at + 1] & 0xff;
    }
}
