package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.it.app.InheritanceApp;
import io.emfagent.tools.view.CloudWatchView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Annotations inherited from interfaces, abstract and overridden methods (InheritanceApp). */
class InheritanceIT {

    private static final int N = 10;
    private static CloudWatchView view;
    private static String stderr;

    @BeforeAll
    static void run() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(InheritanceApp.class).agentArgs(Dims.AGENT_ARGS).run().succeeded();
        view = result.view();
        stderr = result.stderr;
    }

    @Test
    void everyImplementationOfAnAnnotatedInterfaceMethodAddsIntoItsFamily() {
        // card: N successes and N failures, wallet: N successes, the JDK proxy's N calls counted in card
        assertThat(view.sum("gateway.attempts", base())).isEqualTo(4 * N);
        assertThat(view.sum("gateway.success", base())).isEqualTo(3 * N);
        assertThat(view.sum("gateway.failure", base("error_type", "IllegalArgumentException"))).isEqualTo(N);
        assertThat(view.max("gateway.duration", base("status", "success"))).isGreaterThanOrEqualTo(20.0);
    }

    @Test
    void anImplementationsOwnAnnotationWins() {
        assertThat(view.sum("own.attempts", base())).isEqualTo(N);
    }

    @Test
    void aDefaultFamilyIsNamedAfterTheDeclaringInterface() {
        assertThat(view.sum("Notifier.send.attempts", base())).isEqualTo(N);
        assertThat(view.metrics()).noneMatch(name -> name.startsWith("EmailNotifier."));
    }

    @Test
    void abstractAndOverriddenMethodsPassTheirAnnotationsOn() {
        assertThat(view.sum("job.attempts", base())).isEqualTo(N);
        // Base itself, Replacing (no super), Extending (calls super: one call)
        assertThat(view.sum("base.attempts", base())).isEqualTo(3 * N);
    }

    @Test
    void aGenericInterfaceMethodIsInheritedThroughTheBridge() {
        assertThat(view.sum("repository.attempts", base())).isEqualTo(N);
    }

    @Test
    void recursionCountsEveryCall() {
        assertThat(view.sum("countdown.attempts", base())).isEqualTo(4);
    }

    @Test
    void twoSupertypesThatDisagreeLeaveTheMethodUnwovenAndSaySo() {
        assertThat(view.metrics()).noneMatch(name -> name.startsWith("audited.") || name.startsWith("tracked."));
        assertThat(stderr).contains("not woven: io.emfagent.it.app.InheritanceApp$Conflicted#close inherits different"
                + " @Counted/@Timed from io.emfagent.it.app.InheritanceApp$Audited#close and"
                + " io.emfagent.it.app.InheritanceApp$Tracked#close");
        assertThat(stderr.lines().filter(line -> line.contains("WARNING"))).hasSize(1);
    }

    @Test
    void inheritFalseWeavesAnnotatedMethodsOnly() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(InheritanceApp.class).agentArgs(Dims.AGENT_ARGS + ",inherit=false")
                .run().succeeded();
        CloudWatchView off = result.view();
        assertThat(off.sum("gateway.attempts", base())).isZero();
        assertThat(off.sum("base.attempts", base())).isEqualTo(2 * N); // Base itself, and Extending's super call
        assertThat(off.sum("own.attempts", base())).isEqualTo(N);
        assertThat(result.stderr).contains("not woven: io.emfagent.it.app.InheritanceApp$PaymentGateway#charge has no"
                + " body to weave");
    }
}
