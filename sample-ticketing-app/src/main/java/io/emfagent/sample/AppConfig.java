package io.emfagent.sample;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The service's settings, from {@code --name value} arguments, else environment variables ({@code PORT},
 * {@code PAYMENT_LATENCY}, ...), else defaults.
 */
record AppConfig(String host, int port, int httpThreads, Duration paymentLatency, double declineRate, int events,
        int seatsPerEvent, Duration stopTimeout) {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar sample-ticketing-app.jar [options]   (each also as an environment variable)",
            "  --port N              PORT             default 8080; 0 picks a free port",
            "  --host ADDRESS        HOST             default 127.0.0.1; 0.0.0.0 in a container",
            "  --http-threads N      HTTP_THREADS     default 32",
            "  --payment-latency D   PAYMENT_LATENCY  default 20ms (each charge takes 0.5 to 1.5 times it)",
            "  --decline-rate R      DECLINE_RATE     default 0.05 (share of charges declined at random)",
            "  --events N            EVENTS           default 3",
            "  --seats-per-event N   SEATS_PER_EVENT  default 300",
            "  --stop-timeout D      STOP_TIMEOUT     default 10s (how long a graceful stop may wait)",
            "example: java -javaagent:emf-agent.jar=namespace=TicketingSystem/Booking,service=ticketing-service,"
                    + "environment=demo -jar sample-ticketing-app.jar --port 8080 --payment-latency 5ms");

    static AppConfig from(String[] args, Function<String, String> env) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + arg + "'");
            }
            values.put(arg.substring(2), args[++i]);
        }
        Settings s = new Settings(values, env);
        AppConfig config = new AppConfig(
                s.text("host", "127.0.0.1"),
                s.integer("port", 8080, 0, 65535),
                s.integer("http-threads", 32, 1, 1024),
                s.duration("payment-latency", "20ms"),
                s.fraction("decline-rate", 0.05),
                s.integer("events", 3, 1, 1000),
                s.integer("seats-per-event", 300, 1, 100_000),
                s.duration("stop-timeout", "10s"));
        s.rejectUnknown();
        return config;
    }

    /** Looks each setting up as an argument, then as an environment variable. */
    private static final class Settings {

        private final Map<String, String> args;
        private final Function<String, String> env;

        Settings(Map<String, String> args, Function<String, String> env) {
            this.args = new HashMap<>(args);
            this.env = env;
        }

        private String raw(String name) {
            String fromArgs = args.remove(name);
            return fromArgs != null ? fromArgs : env.apply(name.replace('-', '_').toUpperCase(Locale.ROOT));
        }

        String text(String name, String fallback) {
            String v = raw(name);
            return v == null || v.isBlank() ? fallback : v.trim();
        }

        int integer(String name, int fallback, int min, int max) {
            String v = raw(name);
            if (v == null || v.isBlank()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v.trim());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below with the allowed range
            }
            throw new IllegalArgumentException(name + " was '" + v + "' but must be a whole number from " + min
                    + " to " + max);
        }

        double fraction(String name, double fallback) {
            String v = raw(name);
            if (v == null || v.isBlank()) {
                return fallback;
            }
            try {
                double d = Double.parseDouble(v.trim());
                if (d >= 0 && d <= 1) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below with the allowed range
            }
            throw new IllegalArgumentException(name + " was '" + v + "' but must be a number from 0 to 1");
        }

        Duration duration(String name, String fallback) {
            String v = raw(name);
            String text = (v == null || v.isBlank() ? fallback : v).trim();
            try {
                Duration d;
                if (text.endsWith("ms")) {
                    d = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                } else if (text.endsWith("s")) {
                    d = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
                } else {
                    d = null;
                }
                if (d != null && !d.isNegative()) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below with the expected form
            }
            throw new IllegalArgumentException(name + " was '" + text + "' but must be a duration like 20ms or 10s");
        }

        void rejectUnknown() {
            if (!args.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", args.keySet()));
            }
        }
    }
}
