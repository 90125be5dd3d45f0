package io.emfagent.runtime.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.runtime.log.AgentLog;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CloudWatch agent sink against local servers that misbehave. */
class TcpSinkTest {

    /** What the agent says, kept here rather than on the build's console. */
    private final ByteArrayOutputStream agentLog = new ByteArrayOutputStream();
    private PrintStream console;

    @BeforeEach
    void captureAgentLog() {
        console = AgentLog.redirect(new PrintStream(agentLog, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreAgentLog() {
        AgentLog.redirect(console);
    }

    private String agentLog() {
        return agentLog.toString(StandardCharsets.UTF_8);
    }

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** Accepts connections and reads lines; closes the first connection after {@code firstConnectionLines}. */
    private int serve(int port, int firstConnectionLines) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept();
                        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
                    int lines = 0;
                    boolean first = connections.getAndIncrement() == 0;
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        received.add(line);
                        if (first && ++lines == firstConnectionLines) {
                            break; // closes mid-stream
                        }
                    }
                } catch (IOException e) {
                    // the test closed the server
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void deliversEveryDocumentInOrder() throws Exception {
        int port = serve(0, Integer.MAX_VALUE);
        TcpSink sink = new TcpSink(new Endpoint("tcp", "127.0.0.1", port));
        for (int i = 0; i < 100; i++) {
            sink.write("{\"n\":" + i + "}");
        }
        await(() -> received.size() == 100);
        assertThat(received.get(0)).isEqualTo("{\"n\":0}");
        assertThat(received.get(99)).isEqualTo("{\"n\":99}");
        sink.close();
    }

    @Test
    void queuesWhileTheAgentRefusesConnectionsAndDeliversWhenItIsBack() throws Exception {
        int port = freePort();
        TcpSink sink = new TcpSink(new Endpoint("tcp", "127.0.0.1", port), 1000, 200);
        for (int i = 0; i < 10; i++) {
            sink.write("{\"n\":" + i + "}"); // returns at once: nothing listens yet
        }
        Thread.sleep(300);
        assertThat(received).isEmpty();
        serve(port, Integer.MAX_VALUE);
        await(() -> received.size() == 10);
        sink.close();
        assertThat(agentLog()).contains("emf-agent: WARNING: cannot deliver to the CloudWatch agent at tcp://127.0.0.1:"
                + port + ": Connection refused; retrying with back-off");
    }

    @Test
    void reconnectsWhenTheAgentClosesMidStreamAndLosesNothingItAccepted() throws Exception {
        int port = serve(0, 7);
        TcpSink sink = new TcpSink(new Endpoint("tcp", "127.0.0.1", port), 1000, 100);
        for (int i = 0; i < 50; i++) {
            sink.write("{\"n\":" + i + "}");
            Thread.sleep(2);
        }
        // lines written into a connection the server had already closed may be lost in transit,
        // as with any TCP peer; what the sink does is reconnect and keep going
        await(() -> received.contains("{\"n\":49}"));
        assertThat(connections.get()).isGreaterThanOrEqualTo(2);
        assertThat(received.size()).isGreaterThan(40);
        sink.close();
    }

    @Test
    void aFullQueueRefusesDocumentsRatherThanGrowing() throws Exception {
        int port = freePort();
        TcpSink sink = new TcpSink(new Endpoint("tcp", "127.0.0.1", port), 1000, 10_000);
        int accepted = 0;
        while (accepted <= TcpSink.QUEUE_DOCUMENTS + 1) {
            try {
                sink.write("{}");
                accepted++;
            } catch (IOException full) {
                assertThat(full).hasMessageContaining("queue of 1000 documents is full");
                break;
            }
        }
        // the queue, plus the one the sender holds while it retries
        assertThat(accepted).isBetween(TcpSink.QUEUE_DOCUMENTS, TcpSink.QUEUE_DOCUMENTS + 1);
        sink.close();
    }

    @Test
    void aPeerThatNeverReadsIsCutAfterTheWriteTimeout() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket s = server.accept();
                    s.setReceiveBufferSize(1024);
                    accepted.add(s); // and never read
                }
            } catch (IOException e) {
                // closed
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        TcpSink sink = new TcpSink(new Endpoint("tcp", "127.0.0.1", server.getLocalPort()), 300, 100);
        String big = "{\"x\":\"" + "a".repeat(200_000) + "\"}";
        long start = System.nanoTime();
        for (int i = 0; i < 200 && accepted.size() < 2; i++) {
            sink.write(big); // never blocks the caller
            Thread.sleep(20);
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
        // the hung connection was cut and a new one made
        assertThat(accepted.size()).isGreaterThanOrEqualTo(2);
        sink.close();
    }
}
