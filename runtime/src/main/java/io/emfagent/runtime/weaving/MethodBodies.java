package io.emfagent.runtime.weaving;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the weaver needs to know of methods' code, read in one pass over the class file.
 *
 * <p>Which methods call their superclass's method of the same signature ({@code super.m()}): an
 * override that inherits an annotation and calls {@code super} counts once, where {@code super}'s
 * method runs.
 *
 * <p>The methods the Kotlin compiler generates to forward to another, and copies the annotations to:
 * the overloads of {@code @JvmOverloads} (they call {@code name$default}), the static wrappers of
 * {@code @JvmStatic} in a companion (they call the companion's method), and the forwarders to an
 * interface's {@code DefaultImpls}. Weaving them too would count each call twice; the call counts
 * in the method they forward to. A forwarder is told by its code: argument loads and constants, at
 * most Kotlin's null checks, one call of that kind, and a return; no branch, so real recursion and
 * hand-written delegation are never taken for one.
 */
final class MethodBodies {

    private static final byte[] KOTLIN_METADATA = "Lkotlin/Metadata;".getBytes(StandardCharsets.US_ASCII);
    private static final String INTRINSICS = "kotlin/jvm/internal/Intrinsics";

    /** By signature (name and descriptor): the Kotlin forwarders, with what each calls. */
    private final Map<String, String> forwarders = new HashMap<>();
    /** The signatures of the methods that call {@code super}'s method of the same signature. */
    private final Set<String> superCalls = new HashSet<>();
    /** The signatures of Kotlin {@code inline fun}s: their body carries the compiler's {@code $i$f$name} marker. */
    private final Set<String> inlineFunctions = new HashSet<>();
    /** By signature: the number of local variable slots each method's code uses. */
    private final Map<String, Integer> maxLocals = new HashMap<>();

    private MethodBodies() {
    }

    static MethodBodies of(byte[] classFile) {
        MethodBodies bodies = new MethodBodies();
        boolean kotlin = Weaver.indexOf(classFile, KOTLIN_METADATA) >= 0;
        ClassReader reader = new ClassReader(classFile);
        String owner = reader.getClassName();
        String superName = reader.getSuperName();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                    return null;
                }
                return (access & Opcodes.ACC_SYNTHETIC) != 0 ? new Locals(name + descriptor, bodies)
                        : new Body(owner, superName, kotlin, name, descriptor, bodies);
            }
        }, (kotlin ? 0 : ClassReader.SKIP_DEBUG) | ClassReader.SKIP_FRAMES); // Kotlin: local names tell inline funs
        return bodies;
    }

    /** What the method forwards to when it is a Kotlin forwarder, else null. */
    String forwardsTo(String signature) {
        return forwarders.get(signature);
    }

    boolean callsSuper(String signature) {
        return superCalls.contains(signature);
    }

    /**
     * Whether the method is a Kotlin {@code inline fun}: the compiler copies its body into every
     * Kotlin caller, so only calls from Java (or by reflection) run it. Told by the marker variable
     * {@code $i$f$<name>} the compiler puts in an inline function's body (and in each copy of it).
     */
    boolean isInlineFunction(String signature) {
        return inlineFunctions.contains(signature);
    }

    /** The number of local variable slots of the method's code, or -1 when it has none. */
    int maxLocals(String signature) {
        return maxLocals.getOrDefault(signature, -1);
    }

    /** Records only how many local variable slots a method's code uses. */
    private static class Locals extends MethodVisitor {
        private final String signature;
        private final MethodBodies bodies;

        Locals(String signature, MethodBodies bodies) {
            super(Opcodes.ASM9);
            this.signature = signature;
            this.bodies = bodies;
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            bodies.maxLocals.put(signature, maxLocals);
        }
    }

    /** Follows one method's code; records it when it is a forwarder. */
    private static final class Body extends Locals {
        private final String owner;
        private final String superName;
        private final boolean kotlin;
        private final String name;
        private final String descriptor;
        private final MethodBodies bodies;
        private String target;
        private boolean other;
        /** The last label of the code so far: once the code is read, the one at its end. */
        private Label lastLabel;

        Body(String owner, String superName, boolean kotlin, String name, String descriptor, MethodBodies bodies) {
            super(name + descriptor, bodies);
            this.owner = owner;
            this.superName = superName;
            this.kotlin = kotlin;
            this.name = name;
            this.descriptor = descriptor;
            this.bodies = bodies;
        }

        @Override
        public void visitMethodInsn(int opcode, String calledOwner, String calledName, String calledDescriptor,
                boolean isInterface) {
            if (opcode == Opcodes.INVOKESPECIAL && calledOwner.equals(superName) && calledName.equals(name)
                    && calledDescriptor.equals(descriptor)) {
                bodies.superCalls.add(name + descriptor);
            }
            if (calledOwner.equals(INTRINSICS) && calledName.startsWith("checkNotNull")) {
                return;
            }
            boolean forwards = calledOwner.equals(owner) && calledName.equals(name + "$default")
                    || calledOwner.equals(owner + "$Companion") && calledName.equals(name)
                    || calledOwner.endsWith("$DefaultImpls") && calledName.equals(name);
            if (target != null || !forwards) {
                other = true;
            } else {
                target = calledOwner.replace('/', '.') + "#" + calledName;
            }
        }

        @Override
        public void visitLabel(Label label) {
            lastLabel = label;
        }

        @Override
        public void visitLocalVariable(String variable, String variableDescriptor, String signature, Label start,
                Label end, int index) {
            // an inline fun's own marker spans its whole code; the copy of a same-named inline fun
            // called from this method ends before this method's code does
            if (kotlin && variable.equals("$i$f$" + name) && end == lastLabel) {
                bodies.inlineFunctions.add(name + descriptor);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            boolean constantOrReturn = opcode >= Opcodes.ACONST_NULL && opcode <= Opcodes.DCONST_1
                    || opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN;
            if (!constantOrReturn) {
                other = true;
            }
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            if (opcode > Opcodes.ALOAD) {
                other = true; // a store
            }
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            other = true;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            other = true;
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt,
                Label... labels) {
            other = true;
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys,
                Label[] labels) {
            other = true;
        }

        @Override
        public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
                Object... arguments) {
            other = true;
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String fieldName, String fieldDescriptor) {
            if (!(opcode == Opcodes.GETSTATIC && fieldName.equals("Companion"))) {
                other = true;
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.NEWARRAY) {
                other = true;
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
            other = true;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode != Opcodes.CHECKCAST) { // NEW, ANEWARRAY, INSTANCEOF
                other = true;
            }
        }

        @Override
        public void visitEnd() {
            if (kotlin && target != null && !other) {
                bodies.forwarders.put(name + descriptor, target);
            }
        }
    }
}
