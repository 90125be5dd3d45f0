package io.emfagent.sample.adapter.in.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.emfagent.sample.adapter.out.simulation.Conditions;
import io.emfagent.sample.app.PayBookingUseCase;
import io.emfagent.sample.app.ReserveTicketUseCase;
import io.emfagent.sample.app.TicketingQueries;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The JSON HTTP API on the JDK's built-in server, with a graceful {@link #stop}. */
public final class TicketingHttpServer {

    static {
        // the JDK server writes headers and body separately; with Nagle's algorithm on, each small response
        // waits for the client's delayed ACK (~40 ms). Read once, when the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final RequestGate gate = new RequestGate();

    private TicketingHttpServer(InetSocketAddress address, int threads, ReserveTicketUseCase reserve,
            PayBookingUseCase pay, TicketingQueries queries, Conditions conditions) throws IOException {
        this.server = HttpServer.create(address, 512);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        // amounts are money: read them as exact decimals, never through a double
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        server.createContext("/", new ApiHandler(reserve, pay, queries, gate, json));
        if (conditions != null) {
            server.createContext("/simulation", new SimulationHandler(conditions, new HttpResponses(json)));
        }
    }

    /** Binds and starts serving; port 0 picks a free port (see {@link #port}). */
    public static TicketingHttpServer start(InetSocketAddress address, int threads, ReserveTicketUseCase reserve,
            PayBookingUseCase pay, TicketingQueries queries) throws IOException {
        return start(address, threads, reserve, pay, queries, null);
    }

    /** As above, with {@code PUT /simulation} changing the simulated {@code conditions}; null for none. */
    public static TicketingHttpServer start(InetSocketAddress address, int threads, ReserveTicketUseCase reserve,
            PayBookingUseCase pay, TicketingQueries queries, Conditions conditions) throws IOException {
        TicketingHttpServer s = new TicketingHttpServer(address, threads, reserve, pay, queries, conditions);
        s.server.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Stops gracefully: new requests are turned away with 503, the requests already running finish and get
     * their response (waiting at most {@code timeout}), then the listener and the connections are closed.
     *
     * @return whether every running request finished in time
     */
    public boolean stop(Duration timeout) {
        boolean finished = gate.close(timeout);
        // every request that ran a use case has written its response; whatever else is open now (a 503 being
        // written, a request not read yet) never reached a use case, so the connections can close at once
        server.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return finished;
    }
}
