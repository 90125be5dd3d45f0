package io.emfagent.agent.sink;

import java.net.URI;

/**
 * A CloudWatch agent address, {@code tcp://host:port} or {@code udp://host:port}, as the AWS
 * library's {@code AWS_EMF_AGENT_ENDPOINT} takes it; the port defaults to the agent's 25888.
 */
public record Endpoint(String protocol, String host, int port) {

    public static final int DEFAULT_PORT = 25888;

    /** The endpoint, or null when {@code text} is not one. */
    public static Endpoint parse(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme();
            if (!"tcp".equals(scheme) && !"udp".equals(scheme) || uri.getHost() == null
                    || uri.getPath() != null && !uri.getPath().isEmpty()) {
                return null;
            }
            return new Endpoint(scheme, uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return protocol + "://" + host + ":" + port;
    }
}
