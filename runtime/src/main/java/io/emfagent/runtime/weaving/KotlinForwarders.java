package io.emfagent.runtime.weaving;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The methods the Kotlin compiler generates to forward to another, and copies the annotations to:
 * the overloads of {@code @JvmOverloads} (they call {@code name$default}), the static wrappers of
 * {@code @JvmStatic} in a companion (they call the companion's method), and the forwarders to an
 * interface's {@code DefaultImpls}. Weaving them too would count each call twice; the call counts
 * in the method they forward to. A forwarder is told by its code: argument loads and constants, at
 * most Kotlin's null checks, one call of that kind, and a return; no branch, so real recursion and
 * hand-written delegation are never taken for one.
 */
final class KotlinForwarders {

    private static final byte[] KOTLIN_METADATA = "Lkotlin/Metadata;".getBytes(StandardCharsets.US_ASCII);
    private static final String INTRINSICS = "kotlin/jvm/internal/Intrinsics";

    private KotlinForwarders() {
    }

    /** The forwarders of a class file, by signature (name and descriptor), with what each calls. */
    static Map<String, String> of(byte[] classFile) {
        Map<String, String> forwarders = new HashMap<>();
        if (Weaver.indexOf(classFile, KOTLIN_METADATA) < 0) {
            return forwarders;
        }
        ClassReader reader = new ClassReader(classFile);
        String owner = reader.getClassName();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_SYNTHETIC)) != 0 ? null
                        : new Body(owner, name, descriptor, forwarders);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return forwarders;
    }

    /** Follows one method's code; records it when it is a forwarder. */
    private static final class Body extends MethodVisitor {
        private final String owner;
        private final String name;
        private final String descriptor;
        private final Map<String, String> forwarders;
        private String target;
        private boolean other;

        Body(String owner, String name, String descriptor, Map<String, String> forwarders) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.name = name;
            this.descriptor = descriptor;
            this.forwarders = forwarders;
        }

        @Override
        public void visitMethodInsn(int opcode, String calledOwner, String calledName, String calledDescriptor,
                boolean isInterface) {
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
            if (target != null && !other) {
                forwarders.put(name + descriptor, target);
            }
        }
    }
}
