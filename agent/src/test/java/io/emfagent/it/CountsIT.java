package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.tools.view.CloudWatchView;
import io.emfagent.it.app.AsyncApp;
import io.emfagent.it.app.BookingApp;
import io.emfagent.it.app.ChildFirstApp;
import io.emfagent.it.app.ExceptionsApp;
import io.emfagent.it.app.ManyErrorsApp;
import io.emfagent.it.app.MethodKindsApp;
import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import io.emfagent.it.app.NestedJarApp;
import io.emfagent.it.app.loaded.IsolatedService;
import java.nio.file.Path;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Exact counts as CloudWatch would see them, from a forked JVM running with the agent jar. */
class CountsIT {

    /** A method that would be too large once woven is left as it is, named; the class loads and the rest count. */
    @Test
    void aMethodTooLargeToWeaveIsLeftUnwovenByNameAndTheClassStillLoads() throws Exception {
        Path classes = java.nio.file.Files.createTempDirectory("huge");
        java.nio.file.Files.createDirectories(classes.resolve("gen"));
        java.nio.file.Files.write(classes.resolve("gen/Huge.class"), hugeClass());
        ForkedJvm.Result result = ForkedJvm.app(io.emfagent.it.app.HugeMethodApp.class).agentArgs(Dims.AGENT_ARGS)
                .withLibrary(classes.toString()).run().succeeded();
        assertThat(result.stderr).contains("not woven: gen.Huge#huge cannot be woven").contains("done");
        assertThat(result.view().sum("small.attempts", base())).isEqualTo(4);
        assertThat(result.view().metrics()).noneMatch(m -> m.startsWith("huge."));
    }

    /** {@code gen.Huge} with {@code @Counted("huge") static void huge()} of 65,526 bytes (the limit is 65,535) and {@code @Counted("small") small()}. */
    private static byte[] hugeClass() {
        net.bytebuddy.jar.asm.ClassWriter writer = new net.bytebuddy.jar.asm.ClassWriter(0);
        writer.visit(net.bytebuddy.jar.asm.Opcodes.V1_8, net.bytebuddy.jar.asm.Opcodes.ACC_PUBLIC, "gen/Huge", null,
                "java/lang/Object", null);
        for (String name : new String[] {"huge", "small"}) {
            net.bytebuddy.jar.asm.MethodVisitor method = writer.visitMethod(net.bytebuddy.jar.asm.Opcodes.ACC_PUBLIC
                    | net.bytebuddy.jar.asm.Opcodes.ACC_STATIC, name, "()V", null, null);
            method.visitAnnotation("Lio/emfagent/annotations/Counted;", true).visit("value", name);
            method.visitCode();
            for (int i = 0; name.equals("huge") && i < 65_525; i++) {
                method.visitInsn(net.bytebuddy.jar.asm.Opcodes.NOP);
            }
            method.visitInsn(net.bytebuddy.jar.asm.Opcodes.RETURN);
            method.visitMaxs(0, 0);
            method.visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** An operator turns weaving off for a method or a family without a rebuild. */
    @Test
    void excludedMethodsAndFamiliesAreNotWovenAndDebugSaysWhich() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(BookingApp.class)
                .agentArgs(Dims.AGENT_ARGS + ",debug=true,exclude=" + BookingApp.class.getName() + "#lock;family:BookingApp.ping")
                .args("50").run().succeeded();
        CloudWatchView view = result.view();
        assertThat(view.sum("booking.attempts", base())).isEqualTo(50);
        assertThat(view.metrics()).noneMatch(m -> m.startsWith("reservation.") || m.startsWith("BookingApp.ping"));
        assertThat(result.stderr).contains("debug: excluded: " + BookingApp.class.getName() + "#lock (exclude entry '")
                .contains("(exclude entry 'family:BookingApp.ping')");
    }

    /** A generated subclass copies the annotation and calls super: one call, under the original's name. */
    @Test
    void aGeneratedSubclassThatCopiesTheAnnotationCountsOnceUnderTheOriginalName() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(io.emfagent.it.app.ProxiedApp.class).agentArgs(Dims.AGENT_ARGS)
                .withLibraryOf(ByteBuddy.class).run().succeeded();
        CloudWatchView view = result.view();
        assertThat(view.sum("ProxiedApp.book.attempts", base())).isEqualTo(9);
        assertThat(view.sampleCount("ProxiedApp.book.duration", base())).isEqualTo(9);
        assertThat(view.metrics()).noneMatch(name -> name.contains("ByteBuddy"));
    }

    /** Byte code can carry @Counted where javac would not allow it: that one member is left out, said so. */
    @Test
    void anAnnotatedConstructorIsLeftUnwovenByNameAndTheClassesOtherMethodsAreWoven() throws Exception {
        Path classes = java.nio.file.Files.createTempDirectory("generated");
        AnnotationDescription counted = AnnotationDescription.Builder.ofType(Counted.class).define("value", "gen").build();
        // as a tool that ignores @Target would write it
        new ByteBuddy().with(net.bytebuddy.dynamic.scaffold.TypeValidation.DISABLED)
                .subclass(Object.class, net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy.Default.NO_CONSTRUCTORS)
                .name("gen.Annotated")
                .defineConstructor(net.bytebuddy.description.modifier.Visibility.PUBLIC)
                .intercept(net.bytebuddy.implementation.MethodCall.invoke(Object.class.getConstructor()))
                .annotateMethod(counted)
                .defineMethod("work", void.class, net.bytebuddy.description.modifier.Visibility.PUBLIC)
                .intercept(net.bytebuddy.implementation.StubMethod.INSTANCE)
                .annotateMethod(counted)
                .make().saveIn(classes.toFile());
        ForkedJvm.Result result = ForkedJvm.app(io.emfagent.it.app.GeneratedCtorApp.class).agentArgs(Dims.AGENT_ARGS)
                .withLibrary(classes.toString()).run().succeeded();
        assertThat(result.stderr).contains("not woven: gen.Annotated#<init> is a constructor");
        assertThat(result.view().sum("gen.attempts", base())).isEqualTo(7);
    }

    /** Annotation jars are often compile-only: the agent weaves exactly as when the jar is there. */
    @Test
    void classesAreWovenAlikeWithoutTheAnnotationsJarAtRunTime() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(BookingApp.class).agentArgs(Dims.AGENT_ARGS).withoutAnnotationsJar()
                .args("100").run().succeeded();
        CloudWatchView view = result.view();
        assertThat(view.sum("booking.attempts", base())).isEqualTo(100);
        assertThat(view.sum("booking.failure", base("error_type", "SeatTakenException"))).isEqualTo(20);
        assertThat(view.sampleCount("booking.duration", base())).isEqualTo(100);
        assertThat(view.sum("reservation.lock_acquired", base("Operation", "Reserve"))).isPositive();
        assertThat(result.stderr).doesNotContain("could not weave").doesNotContain("not woven");
    }

    @Test
    void bookingCountsAreExactPerMetricErrorTypeAndStatus() throws Exception {
        int calls = 1000;
        CloudWatchView view = ForkedJvm.app(BookingApp.class).agentArgs(Dims.AGENT_ARGS).args(String.valueOf(calls))
                .run().succeeded().view();
        long seatTaken = calls / 5;
        long declined = 0;
        for (int i = 1; i <= calls; i++) {
            if (i % 5 != 0 && i % 7 == 0) {
                declined++;
            }
        }
        long success = calls - seatTaken - declined;

        assertThat(view.namespaces()).containsExactly("EmfAgent/IT");
        assertThat(view.sum("booking.attempts", base())).isEqualTo(calls);
        assertThat(view.sum("booking.success", base())).isEqualTo(success);
        assertThat(view.sum("booking.failure", base())).isEqualTo(seatTaken + declined);
        assertThat(view.sum("booking.failure", base("error_type", "SeatTakenException"))).isEqualTo(seatTaken);
        assertThat(view.sum("booking.failure", base("error_type", "PaymentDeclinedException"))).isEqualTo(declined);
        assertThat(view.sampleCount("booking.duration", base())).isEqualTo(calls);
        assertThat(view.sampleCount("booking.duration", base("status", "success"))).isEqualTo(success);
        assertThat(view.sampleCount("booking.duration", base("status", "failure"))).isEqualTo(seatTaken + declined);

        // each metric exists under exactly the dimension sets CloudWatch users expect, no more
        assertThat(view.dimensionSets("booking.attempts")).containsExactly(base());
        assertThat(view.dimensionSets("booking.success")).containsExactly(base());
        assertThat(view.dimensionSets("booking.failure")).containsExactlyInAnyOrder(base(),
                base("error_type", "SeatTakenException"), base("error_type", "PaymentDeclinedException"));
        assertThat(view.dimensionSets("booking.duration")).containsExactlyInAnyOrder(base(),
                base("status", "success"), base("status", "failure"));
    }

    @Test
    void customSuffixesTurnMetricsOffAndStaticDimensionsApplyToEveryMetricOfTheMethod() throws Exception {
        int calls = 300;
        CloudWatchView view = ForkedJvm.app(BookingApp.class).agentArgs(Dims.AGENT_ARGS).args(String.valueOf(calls))
                .run().succeeded().view();
        var op = base("Operation", "Reserve");
        assertThat(view.metrics()).doesNotContain("reservation.attempts", "reservation.duration");
        assertThat(view.sum("reservation.lock_acquired", op)).isEqualTo(200);
        assertThat(view.sum("reservation.lock_failed", op)).isEqualTo(100);
        assertThat(view.sum("reservation.lock_failed", base("Operation", "Reserve", "error_type", "IllegalStateException")))
                .isEqualTo(100);
        assertThat(view.sampleCount("reservation.lock_duration", op)).isEqualTo(300);
        assertThat(view.dimensionSets("reservation.lock_acquired")).containsExactly(op);

        // an empty value names the family after the class and method; a counted-only method has no duration
        assertThat(view.sum("BookingApp.ping.attempts", base())).isEqualTo(calls);
        assertThat(view.sum("BookingApp.ping.failure", base())).isZero();
        assertThat(view.dimensionSets("BookingApp.ping.failure")).containsExactly(base());
        assertThat(view.metrics()).doesNotContain("BookingApp.ping.duration");
    }

    @Test
    void everyKindOfMethodIsWovenAndEachCallCountsOnce() throws Exception {
        CloudWatchView view = ForkedJvm.app(MethodKindsApp.class).agentArgs(Dims.AGENT_ARGS).run().succeeded().view();
        for (String family : Set.of("static", "private", "final", "synchronized", "enum", "record", "nested",
                "default_method", "generic", "anonymous", "overriding", "primitive_return")) {
            assertThat(view.sum("kinds." + family + ".attempts", base())).as(family).isEqualTo(10);
            assertThat(view.sum("kinds." + family + ".success", base())).as(family).isEqualTo(10);
        }
        assertThat(view.sum("kinds.varargs.attempts", base())).isEqualTo(20);
        assertThat(view.sum("kinds.recursive.attempts", base())).isEqualTo(5);
    }

    @Test
    void asynchronousMethodsCountWhenTheirFutureCompletes() throws Exception {
        CloudWatchView view = ForkedJvm.app(AsyncApp.class).agentArgs(Dims.AGENT_ARGS).run().succeeded().view();
        assertThat(view.sum("payment.attempts", base())).isEqualTo(20);
        assertThat(view.sum("payment.success", base())).isEqualTo(15);
        assertThat(view.sum("payment.failure", base("error_type", "TimeoutException"))).isEqualTo(5);
        assertThat(view.sampleCount("payment.duration", base())).isEqualTo(20);
        // timed to completion: every payment takes at least 30 ms
        assertThat(view.min("payment.duration", base())).isGreaterThanOrEqualTo(29.0);

        assertThat(view.sum("refund.attempts", base())).isEqualTo(6);
        assertThat(view.sum("refund.failure", base("error_type", "IllegalArgumentException"))).isEqualTo(3);
        assertThat(view.sum("refund.failure", base("error_type", "UnsupportedOperationException"))).isEqualTo(3);
    }

    @Test
    void exceptionsReachTheCallerUnchanged() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(ExceptionsApp.class).agentArgs(Dims.AGENT_ARGS).run();
        assertThat(result.stderr).contains("problems 0");
        result.succeeded();
        CloudWatchView view = result.view();
        assertThat(view.sum("exceptions.prepared.failure", base("error_type", "IllegalStateException"))).isEqualTo(1);
        assertThat(view.sum("exceptions.fresh.failure", base("error_type", "Exception"))).isEqualTo(1);
        assertThat(view.sum("exceptions.error.failure", base("error_type", "AssertionError"))).isEqualTo(1);
    }

    @Test
    void classesOfAnIsolatedClassLoaderAreWoven() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(ChildFirstApp.class).agentArgs(Dims.AGENT_ARGS).run().succeeded();
        assertThat(result.stderr).contains("failures 4");
        CloudWatchView view = result.view();
        assertThat(view.sum("isolated.attempts", base())).isEqualTo(9);
        assertThat(view.sum("isolated.failure", base("error_type", "IllegalStateException"))).isEqualTo(4);
    }

    @Test
    void classesOfAJarNestedInAJarAreWoven() throws Exception {
        Path boot = NestedJars.bootJar(
                Map.of("BOOT-INF/lib/service.jar", List.of(IsolatedService.class),
                        "BOOT-INF/lib/emf-annotations.jar", List.of(Counted.class, Timed.class)));
        ForkedJvm.Result result = ForkedJvm.app(NestedJarApp.class).agentArgs(Dims.AGENT_ARGS).args(boot.toString())
                .run().succeeded();
        assertThat(result.stderr).contains("failures 5").doesNotContain("could not weave");
        assertThat(result.view().sum("isolated.attempts", base())).isEqualTo(11);
        assertThat(result.view().sum("isolated.failure", base("error_type", "IllegalStateException"))).isEqualTo(5);
    }

    @Test
    void errorTypesStayBoundedAndTheRestCountAsOther() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(ManyErrorsApp.class).agentArgs(Dims.AGENT_ARGS + ",maxErrorTypes=5")
                .run().succeeded();
        CloudWatchView view = result.view();
        assertThat(view.sum("many.failure", base())).isEqualTo(120);
        assertThat(view.dimensionSets("many.failure")).hasSize(1 + 5 + 1);
        assertThat(view.sum("many.failure", base("error_type", "Other"))).isEqualTo(70);
        assertThat(view.sum("many.failure", base("error_type", "IllegalStateException"))).isEqualTo(10);
        assertThat(result.stderr).containsOnlyOnce("metric family 'many'");
    }
}
