package io.emfagent.sample;

import io.emfagent.sample.adapter.in.http.TicketingHttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Starts the ticketing service: seed data, use cases, HTTP API. Prints {@code ticketing-service listening on
 * port N} when it serves, and stops gracefully on SIGTERM: no new requests, in-flight requests finish, the
 * ticket consumer drains its queue, then the JVM exits.
 */
public final class TicketingApp {

    static final String READY = "ticketing-service listening on port ";

    private TicketingApp() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(AppConfig.USAGE);
            return;
        }
        AppConfig config;
        try {
            config = AppConfig.from(args, System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println("ticketing-service: " + e.getMessage());
            System.err.println(AppConfig.USAGE);
            System.exit(2);
            return;
        }
        Ticketing ticketing = new Ticketing(SeedData.events(config.events(), config.seatsPerEvent()),
                config.paymentLatency(), config.declineRate());
        TicketingHttpServer server = TicketingHttpServer.start(new InetSocketAddress(config.host(), config.port()),
                config.httpThreads(), ticketing.reserve(), ticketing.pay(), ticketing.queries(),
                ticketing.conditions());
        // an ordinary shutdown hook: the agent writes its last interval after the application's hooks
        // have finished, so everything the graceful stop completes is counted
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, ticketing, config), "graceful-stop"));
        System.out.println(READY + server.port());
        System.out.flush();
    }

    private static void stop(TicketingHttpServer server, Ticketing ticketing, AppConfig config) {
        System.err.println("ticketing-service: stopping");
        boolean requestsFinished = server.stop(config.stopTimeout());
        boolean drained = ticketing.bus().drain(config.stopTimeout());
        System.err.println("ticketing-service: stopped (in-flight requests finished: " + requestsFinished
                + "; ticket messages handled: " + ticketing.bus().handled() + " of " + ticketing.bus().published()
                + ", unreadable: " + ticketing.bus().failed() + (drained ? "" : "; NOT DRAINED") + ")");
    }
}
