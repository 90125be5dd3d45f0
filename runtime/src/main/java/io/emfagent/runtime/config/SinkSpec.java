package io.emfagent.runtime.config;

import java.net.URI;

/**
 * Where the documents go, as the {@code sink} setting names it: {@code stdout}, {@code file:<path>},
 * or the CloudWatch agent at {@code tcp://host:port} / {@code udp://host:port} (the AWS library's
 * {@code AWS_EMF_AGENT_ENDPOINT} form; the port defaults to the agent's 25888). Parsed and checked
 * once, here; {@code boot} opens the sink it names.
 *
 * @param path the file, for {@link Kind#FILE}; otherwise null
 * @param host the CloudWatch agent's host, for {@link Kind#TCP} and {@link Kind#UDP}; otherwise null
 * @param port its port, from 1 to 65535; otherwise 0
 */
public record SinkSpec(Kind kind, String path, String host, int port) {

    public static final int DEFAULT_PORT = 25888;
    static final int MAX_PORT = 65535;
    static final String RULE = "must be 'stdout', 'file:<path>', 'tcp://host:port', 'udp://host:port' or 'memory'"
            + " (port from 1 to " + MAX_PORT + ", default " + DEFAULT_PORT + ")";

    public enum Kind { STDOUT, FILE, TCP, UDP, MEMORY }

    static final SinkSpec STDOUT = new SinkSpec(Kind.STDOUT, null, null, 0);
    /** Documents kept in this JVM, for metric contract tests (emf-agent-junit) to read back. */
    static final SinkSpec MEMORY = new SinkSpec(Kind.MEMORY, null, null, 0);

    /** The sink {@code text} names, or null when it names none. */
    static SinkSpec parse(String text) {
        String spec = text.trim();
        if (spec.equals("stdout")) {
            return STDOUT;
        }
        if (spec.equals("memory")) {
            return MEMORY;
        }
        if (spec.startsWith("file:")) {
            return spec.length() > "file:".length() ? new SinkSpec(Kind.FILE, spec.substring("file:".length()), null, 0)
                    : null;
        }
        try {
            URI uri = new URI(spec);
            String scheme = uri.getScheme();
            if (!"tcp".equals(scheme) && !"udp".equals(scheme) || uri.getHost() == null
                    || uri.getPath() != null && !uri.getPath().isEmpty() || uri.getQuery() != null
                    || uri.getFragment() != null || uri.getUserInfo() != null) {
                return null;
            }
            int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
            if (port < 1 || port > MAX_PORT) {
                return null;
            }
            return new SinkSpec(scheme.equals("tcp") ? Kind.TCP : Kind.UDP, null, uri.getHost(), port);
        } catch (Exception e) {
            // java.net.URI refuses ports over five digits, among others: not a sink either way
            return null;
        }
    }

    /** Whether documents go to the CloudWatch agent, which needs a log group. */
    public boolean isSocket() {
        return kind == Kind.TCP || kind == Kind.UDP;
    }

    @Override
    public String toString() {
        switch (kind) {
            case FILE:
                return "file:" + path;
            case TCP:
            case UDP:
                return kind.name().toLowerCase(java.util.Locale.ROOT) + "://" + host + ":" + port;
            case MEMORY:
                return "memory";
            default:
                return "stdout";
        }
    }
}
