package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import io.emfagent.tools.view.CloudWatchView;
import io.emfagent.it.app.LateAttachApp;
import io.emfagent.it.app.RetransformedApp;
import io.emfagent.it.app.SelfInstallApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Attaching to a JVM that is already running weaves the classes it has loaded already. */
class AttachIT {

    @Test
    void anAgentAttachedLateRetransformsLoadedClassesAndCountsFromThenOn() throws Exception {
        Path go = Files.createTempDirectory("attach").resolve("go");
        ForkedJvm.Started app = ForkedJvm.app(LateAttachApp.class).withoutAgent().args(go.toString()).start();
        app.awaitStderr("ready", Duration.ofSeconds(30));
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(app.process.pid()));
        try {
            vm.loadAgent(ForkedJvm.agentJar().toAbsolutePath().toString(), Dims.AGENT_ARGS);
        } finally {
            vm.detach();
        }
        app.awaitStderr("started", Duration.ofSeconds(30));
        Files.createFile(go);
        ForkedJvm.Result result = app.await(Duration.ofSeconds(60)).succeeded();
        CloudWatchView view = result.view();
        assertThat(view.sum("late.attempts", base())).isEqualTo(100);
        assertThat(view.sum("late.failure", base("error_type", "IllegalStateException"))).isEqualTo(25);
    }

    @Test
    void aClassRetransformedAgainKeepsItsRecorderAndCountsEveryCallOnce() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(RetransformedApp.class).agentOnClassPath()
                .withLibraryOf(net.bytebuddy.agent.ByteBuddyAgent.class)
                .args(Dims.AGENT_ARGS + ",debug=true").run().succeeded();
        assertThat(result.view().sum("again.attempts", base())).isEqualTo(50);
        String method = RetransformedApp.class.getName() + "#work";
        assertThat(result.stderr.lines().filter(l -> l.contains("debug: woven: " + method))).hasSize(1);
        assertThat(result.stderr.lines().filter(l -> l.contains("debug: woven again: " + method))).hasSize(5);
        assertThat(result.stderr).doesNotContain("could not weave");
    }

    @Test
    void anApplicationCanStartTheAgentItself() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(SelfInstallApp.class).agentOnClassPath().args(Dims.AGENT_ARGS).run()
                .succeeded();
        assertThat(result.stderr).contains("started");
        assertThat(result.view().sum("installed.attempts", base())).isEqualTo(42);
    }
}
