package io.emfagent.it.app;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.TypeReference;
import net.bytebuddy.jar.asm.AnnotationVisitor;

/**
 * Loads {@code gen.Caught} with a transformer of its own registered after emf-agent's, so that it
 * sees the woven class file, and prints which exception type the type annotation on the method's
 * catch parameter names by its exception table index, and that the method still returns what it did.
 */
public final class WovenBytesApp {

    public static void main(String[] args) throws Exception {
        Instrumentation instrumentation = ByteBuddyAgent.install();
        byte[][] woven = new byte[1][];
        instrumentation.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                    byte[] classFile) {
                if ("gen/Caught".equals(name)) {
                    woven[0] = classFile;
                }
                return null;
            }
        }, true);
        Class<?> caught = Class.forName("gen.Caught");
        Object returned = caught.getMethod("caught").invoke(null);
        List<String> handlers = new ArrayList<>();
        List<String> annotated = new ArrayList<>();
        new ClassReader(woven[0]).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return !name.equals("caught") ? null : new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                        handlers.add(type);
                    }

                    @Override
                    public AnnotationVisitor visitTryCatchAnnotation(int typeRef, net.bytebuddy.jar.asm.TypePath path,
                            String descriptor, boolean visible) {
                        annotated.add(new TypeReference(typeRef).getTryCatchBlockIndex() + "");
                        return null;
                    }

                    @Override
                    public void visitEnd() {
                        for (String index : annotated) {
                            System.err.println("annotated catch handles " + handlers.get(Integer.parseInt(index)));
                        }
                    }
                };
            }
        }, 0);
        System.err.println("handlers " + handlers + " returned " + returned);
    }
}
