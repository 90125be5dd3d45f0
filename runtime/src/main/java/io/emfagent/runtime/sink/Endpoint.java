package io.emfagent.runtime.sink;

/** A CloudWatch agent address: {@code tcp} or {@code udp}, a host and a port (checked by configuration). */
public record Endpoint(String protocol, String host, int port) {

    @Override
    public String toString() {
        return protocol + "://" + host + ":" + port;
    }
}
