package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static net.bytebuddy.jar.asm.Opcodes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.it.app.UnusualByteCodeApp;
import io.emfagent.tools.view.CloudWatchView;
import java.nio.file.Files;
import java.nio.file.Path;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import org.junit.jupiter.api.Test;

/**
 * Byte code that javac never writes but other compilers, bytecode tools and old libraries do, and
 * the JVM verifies and runs: each method loads woven, returns what it returned before, and counts
 * exactly. Written here with ASM, so that each shape is what the test says it is.
 */
class UnusualByteCodeIT {

    @Test
    void methodsJavacWouldNotWriteAreWovenVerifiedAndCountedExactly() throws Exception {
        Path classes = Files.createTempDirectory("unusual");
        Files.createDirectories(classes.resolve("gen"));
        Files.write(classes.resolve("gen/Unusual.class"), unusual());
        Files.write(classes.resolve("gen/Old.class"), old());
        ForkedJvm.Result result = ForkedJvm.app(UnusualByteCodeApp.class).agentArgs(Dims.AGENT_ARGS)
                .withLibrary(classes.toString()).run().succeeded();

        String once = " 7 42 s 3 2.5 threw:IllegalStateException ";
        assertThat(result.stderr).contains("results" + once + "-1" + once + "-1" + once + "0" + once + "1" + once + "1")
                .doesNotContain("not woven").doesNotContain("could not weave").doesNotContain("VerifyError");
        CloudWatchView view = result.view();
        for (String counted : new String[] {"below", "loop", "retyped", "handler", "old"}) {
            assertThat(view.sum("unusual." + counted + ".attempts", base())).as(counted).isEqualTo(5);
            assertThat(view.sum("unusual." + counted + ".success", base())).as(counted).isEqualTo(5);
            assertThat(view.sum("unusual." + counted + ".failure", base())).as(counted).isZero();
        }
        assertThat(view.sum("unusual.throws.failure", base("error_type", "IllegalStateException"))).isEqualTo(5);
        assertThat(view.sum("unusual.throws.success", base())).isZero();
        assertThat(view.sampleCount("unusual.below.duration", base("status", "success"))).isEqualTo(5);
        assertThat(view.sampleCount("unusual.loop.duration", base("status", "success"))).isEqualTo(5);
        assertThat(view.sampleCount("unusual.old.duration", base("status", "success"))).isEqualTo(5);
        assertThat(view.sampleCount("unusual.wide.duration", base("status", "success"))).isEqualTo(5);
    }

    /**
     * A type annotation on a catch parameter names its handler by its index in the exception table:
     * the woven method's own handlers keep their indexes, the agent's come after them.
     */
    @Test
    void aTypeAnnotationOnACatchStillNamesItsOwnHandlerOnceWoven() throws Exception {
        Path classes = Files.createTempDirectory("caught");
        Files.createDirectories(classes.resolve("gen"));
        Files.write(classes.resolve("gen/Caught.class"), caught());
        ForkedJvm.Result result = ForkedJvm.app(io.emfagent.it.app.WovenBytesApp.class).agentArgs(Dims.AGENT_ARGS)
                .withLibrary(classes.toString()).withLibraryOf(net.bytebuddy.agent.ByteBuddyAgent.class)
                .withLibraryOf(ClassWriter.class).run().succeeded();
        assertThat(result.stderr).contains("annotated catch handles java/io/IOException")
                .contains("returned 1").containsPattern("handlers \\[java/io/IOException, .*java/lang/Throwable.*\\]");
        assertThat(result.view().sum("unusual.caught.success", base())).isEqualTo(1);
    }

    /** {@code gen.Caught}: a timed method that catches its own IOException, the catch parameter type-annotated. */
    private static byte[] caught() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(V1_8, ACC_PUBLIC, "gen/Caught", null, "java/lang/Object", null);
        MethodVisitor method = method(writer, "caught", "()I", "caught", true);
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        method.visitTryCatchBlock(start, end, handler, "java/io/IOException");
        method.visitTryCatchAnnotation(net.bytebuddy.jar.asm.TypeReference.newTryCatchReference(0).getValue(), null,
                "Lgen/Note;", true).visitEnd();
        method.visitLabel(start);
        method.visitTypeInsn(NEW, "java/io/IOException");
        method.visitInsn(DUP);
        method.visitMethodInsn(INVOKESPECIAL, "java/io/IOException", "<init>", "()V", false);
        method.visitInsn(ATHROW);
        method.visitLabel(end);
        method.visitLabel(handler);
        method.visitInsn(POP);
        method.visitInsn(ICONST_1);
        method.visitInsn(IRETURN);
        end(method);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** {@code gen.Unusual}, a Java 8 class file with its frames computed by ASM. */
    private static byte[] unusual() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(V1_8, ACC_PUBLIC, "gen/Unusual", null, "java/lang/Object", null);

        // returns 7 with an int, a long and an int left below it on the operand stack
        MethodVisitor below = method(writer, "leavesValuesBelowItsResult", "()I", "below", true);
        below.visitInsn(ICONST_1);
        below.visitInsn(LCONST_1);
        below.visitInsn(ICONST_2);
        below.visitIntInsn(BIPUSH, 7);
        below.visitInsn(IRETURN);
        end(below);

        // a loop whose head is the first instruction: a frame where the code starts, the same place as the
        // timed method's own code (after reading the clock) starts
        MethodVisitor loop = method(writer, "loopsFromItsFirstInstruction", "(I)I", "loop", true);
        Label head = new Label();
        Label done = new Label();
        loop.visitLabel(head);
        loop.visitVarInsn(ILOAD, 0);
        loop.visitJumpInsn(IFLE, done);
        loop.visitIincInsn(0, -1);
        loop.visitJumpInsn(GOTO, head);
        loop.visitLabel(done);
        loop.visitIntInsn(BIPUSH, 42);
        loop.visitInsn(IRETURN);
        end(loop);

        // a parameter's slot reused for a value of another type, returned as Object
        MethodVisitor retyped = method(writer, "storesAStringInAnIntParameter", "(I)Ljava/lang/Object;", "retyped", false);
        retyped.visitLdcInsn("s");
        retyped.visitVarInsn(ASTORE, 0);
        retyped.visitVarInsn(ALOAD, 0);
        retyped.visitInsn(ARETURN);
        end(retyped);

        // throws, catches in its own handler and returns from there: a success
        MethodVisitor handler = method(writer, "returnsFromItsOwnHandler", "()I", "handler", false);
        Label start = new Label();
        Label end = new Label();
        Label caught = new Label();
        handler.visitTryCatchBlock(start, end, caught, "java/lang/RuntimeException");
        handler.visitLabel(start);
        throwNew(handler);
        handler.visitLabel(end);
        handler.visitLabel(caught);
        handler.visitInsn(POP);
        handler.visitInsn(ICONST_3);
        handler.visitInsn(IRETURN);
        end(handler);

        // long and double parameters (two slots each), a double result
        MethodVisitor wide = method(writer, "wide", "(JD)D", "wide", true);
        wide.visitVarInsn(DLOAD, 2);
        wide.visitInsn(DRETURN);
        end(wide);

        // throws with a long left on the operand stack
        MethodVisitor throwing = method(writer, "throwsWithValuesOnTheStack", "(JD)V", "throws", false);
        throwing.visitInsn(LCONST_1);
        throwNew(throwing);
        end(throwing);

        writer.visitEnd();
        return writer.toByteArray();
    }

    /** {@code gen.Old}, a Java 5 class file: no stack map frames at all. */
    private static byte[] old() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(V1_5, ACC_PUBLIC, "gen/Old", null, "java/lang/Object", null);
        MethodVisitor sign = method(writer, "sign", "(I)I", "old", true);
        Label notPositive = new Label();
        Label negative = new Label();
        sign.visitVarInsn(ILOAD, 0);
        sign.visitJumpInsn(IFLE, notPositive);
        sign.visitInsn(ICONST_1);
        sign.visitInsn(IRETURN);
        sign.visitLabel(notPositive);
        sign.visitVarInsn(ILOAD, 0);
        sign.visitJumpInsn(IFLT, negative);
        sign.visitInsn(ICONST_0);
        sign.visitInsn(IRETURN);
        sign.visitLabel(negative);
        sign.visitInsn(ICONST_M1);
        sign.visitInsn(IRETURN);
        end(sign);
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static MethodVisitor method(ClassWriter writer, String name, String descriptor, String metric,
            boolean timed) {
        MethodVisitor method = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, name, descriptor, null, null);
        for (String annotation : timed ? new String[] {"Counted", "Timed"} : new String[] {"Counted"}) {
            net.bytebuddy.jar.asm.AnnotationVisitor values =
                    method.visitAnnotation("Lio/emfagent/annotations/" + annotation + ";", true);
            values.visit("value", "unusual." + metric);
            values.visitEnd();
        }
        method.visitCode();
        return method;
    }

    private static void throwNew(MethodVisitor method) {
        method.visitTypeInsn(NEW, "java/lang/IllegalStateException");
        method.visitInsn(DUP);
        method.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
        method.visitInsn(ATHROW);
    }

    private static void end(MethodVisitor method) {
        method.visitMaxs(0, 0);
        method.visitEnd();
    }
}
